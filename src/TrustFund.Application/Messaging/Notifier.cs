using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Messaging;

namespace TrustFund.Application.Messaging;

/// <summary>
/// Tells people about an event: a notification in their centre and an e-mail in their language (plain text and
/// simple HTML, with a link to where they act), both written with the caller's SaveChanges. Whoever already has a
/// notification for this event is skipped, so a job run twice, or killed and retried, sends nothing twice.
/// </summary>
public sealed class Notifier(TrustFundDbContext db, IEmailSender email, TimeProvider clock, Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    /// <summary>The texts of one notification in the three languages; {0}... in them are filled from the arguments.</summary>
    public sealed record Texts((string Subject, string Body) English, (string Subject, string Body) French, (string Subject, string Body) Spanish);

    public async Task<int> NotifyUsersInRolesAsync(IReadOnlyCollection<string> roles, string eventKey, Texts texts, string link,
        object[] arguments, CancellationToken ct) =>
        await NotifyAsync(await RecipientsInRolesAsync(roles, ct), eventKey, texts, link, arguments, ct);

    public async Task<IReadOnlyCollection<Recipient>> RecipientsInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken ct) =>
        await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToListAsync(ct);

    public Task<int> NotifyAsync(IReadOnlyCollection<Recipient> recipients, string eventKey, Texts texts, string link,
        object[] arguments, CancellationToken ct) =>
        NotifyManyAsync([new Notice(recipients, eventKey, texts, link, arguments)], ct);

    /// <summary>One event for some people: what a sweep collects before sending, so it asks the database once, not per event.</summary>
    public sealed record Notice(IReadOnlyCollection<Recipient> Recipients, string EventKey, Texts Texts, string Link, object[] Arguments);

    public async Task<int> NotifyManyAsync(IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        notices = notices.Where(n => n.Recipients.Count > 0).ToList();
        if (notices.Count == 0) return 0;
        var keys = notices.Select(n => n.EventKey).Distinct().ToList();
        var already = (await db.Notifications.Where(n => keys.Contains(n.EventKey)).Select(n => new { n.UserId, n.EventKey }).ToListAsync(ct))
            .Select(n => (n.UserId, n.EventKey)).ToHashSet();
        var sent = 0;
        foreach (var notice in notices)
            sent += Send(notice, already);
        return sent;
    }

    private int Send(Notice notice, HashSet<(Guid UserId, string EventKey)> already)
    {
        var (recipients, eventKey, texts, link, arguments) = notice;
        var baseUrl = (configuration["App:PublicBaseUrl"] ?? "").TrimEnd('/');
        var sent = 0;
        foreach (var person in recipients.DistinctBy(r => r.UserId))
        {
            if (!already.Add((person.UserId, eventKey))) continue;
            var (subject, body) = Languages.Pick(person.Language, texts.English, texts.French, texts.Spanish);
            var culture = System.Globalization.CultureInfo.GetCultureInfo(person.Language is "fr" or "es" ? person.Language : "en");
            subject = string.Format(culture, subject, arguments);
            body = string.Format(culture, body, arguments);
            db.Notifications.Add(new Notification(person.UserId, eventKey, subject, body, link, clock.GetUtcNow()));
            var url = baseUrl + link;
            email.Queue(new EmailMessage(person.Email, subject, body + "\n\n" + url,
                $"<p>{WebUtility.HtmlEncode(body).Replace("\n", "<br>")}</p><p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></p>",
                DeduplicationKey: $"{eventKey}:{person.UserId}"));
            sent++;
        }
        return sent;
    }

    public sealed record Recipient(Guid UserId, string Email, string Language);
}
