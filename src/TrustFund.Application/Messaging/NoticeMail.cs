using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Reports;

namespace TrustFund.Application.Messaging;

/// <summary>
/// The e-mail that goes with a notice: its subject, a plain-text body and a simple HTML body, in one language, with the
/// absolute link to where the reader acts. The one place a notice becomes a mail, whenever that happens: a use case's
/// notice is rendered when it is queued (<see cref="Notifier.NotifyAsync"/>); a sweep's thousands are queued as their
/// notification's id and a language and rendered here when the dispatcher sends them, or when an administrator lists
/// them undelivered (<see cref="RenderAsync"/>).
/// </summary>
public sealed class NoticeMail(TrustFundDbContext db, IDocumentText catalogue, PublicSite site)
{
    public sealed record Rendered(string Subject, string TextBody, string HtmlBody);

    /// <summary>An outbox mail that keeps its notice's notification instead of its text.</summary>
    public sealed record Queued(Guid MailId, Guid NotificationId, string Language);

    public Rendered Render(string language, NoticeText texts, string arguments, string link)
    {
        var (subject, body) = NoticeArguments.Render(catalogue, language, texts, arguments);
        return Compose(subject, body, link);
    }

    /// <summary>
    /// The mails of these outbox rows, from their notifications, each in the language the row names. A mail whose
    /// notification is gone (its reader's account was deleted, which deletes their notifications) is not in the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Rendered>> RenderAsync(IReadOnlyCollection<Queued> mails, CancellationToken ct)
    {
        if (mails.Count == 0) return new Dictionary<Guid, Rendered>();
        var ids = mails.Select(m => m.NotificationId).Distinct().ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.SubjectKey, n.BodyKey, n.Arguments, n.Subject, n.Body, n.Link })
            .ToDictionaryAsync(n => n.Id, ct);
        var rendered = new Dictionary<Guid, Rendered>();
        foreach (var mail in mails)
        {
            if (!notifications.TryGetValue(mail.NotificationId, out var n)) continue;
            rendered[mail.MailId] = n.SubjectKey is not null && n.BodyKey is not null && n.Arguments is not null
                ? Render(mail.Language, new NoticeText(n.SubjectKey, n.BodyKey), n.Arguments, n.Link ?? "/")
                : Compose(n.Subject ?? "", n.Body ?? "", n.Link ?? "/");
        }
        return rendered;
    }

    private Rendered Compose(string subject, string body, string link)
    {
        var url = site.Link(link);
        var encodedUrl = WebUtility.HtmlEncode(url);
        return new Rendered(subject, body + "\n\n" + url,
            $"<p>{WebUtility.HtmlEncode(body).Replace("\n", "<br>")}</p><p><a href=\"{encodedUrl}\">{encodedUrl}</a></p>");
    }
}
