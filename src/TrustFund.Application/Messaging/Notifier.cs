using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Reports;
using TrustFund.Domain.Messaging;

namespace TrustFund.Application.Messaging;

/// <summary>
/// Tells people about an event: a notification in their centre and an e-mail in their language (plain text and
/// simple HTML, with a link to where they act). Whoever already has a notification for this event is skipped, so a job
/// run twice, or killed and retried, sends nothing twice. Neither is audited (the AuditingInterceptor leaves them out:
/// the notification is itself the record of what was sent).
/// </summary>
/// <remarks>
/// Two ways to write, one rendering (<see cref="NoticeMail"/>): <see cref="NotifyAsync"/> adds tracked entities for the
/// caller's SaveChanges (a domain-event handler telling a handful of people of a change), their e-mails rendered now; <see cref="NotifyManyAsync"/>
/// writes a sweep's thousands of notices at once with set-based statements, inside the caller's open transaction, so they
/// commit exactly when the change that caused them does, each e-mail queued as its notification and a language and
/// rendered when it is sent.
/// </remarks>
public sealed class Notifier(TrustFundDbContext db, IEmailSender email, TimeProvider clock, NoticeMail mail)
{
    public sealed record Recipient(Guid UserId, string Email, string Language);

    /// <summary>One event for some people: what a sweep collects before sending, so it asks the database once, not per event.</summary>
    public sealed record Notice(IReadOnlyCollection<Recipient> Recipients, string EventKey, NoticeText Texts, string Link, object[] Arguments);

    /// <summary>Rows of one bulk statement: large enough to be quick, small enough to keep the parameters' memory modest.</summary>
    internal const int BulkChunkSize = 5_000;

    public async Task<int> NotifyUsersInRolesAsync(IReadOnlyCollection<string> roles, string eventKey, NoticeText texts, string link,
        object[] arguments, CancellationToken ct) =>
        await NotifyAsync(await RecipientsInRolesAsync(roles, ct), eventKey, texts, link, arguments, ct);

    public async Task<IReadOnlyCollection<Recipient>> RecipientsInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken ct) =>
        await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToListAsync(ct);

    /// <summary>One event: tracked notifications and outbox e-mails, written by the caller's SaveChanges.</summary>
    public async Task<int> NotifyAsync(IReadOnlyCollection<Recipient> recipients, string eventKey, NoticeText texts, string link,
        object[] arguments, CancellationToken ct)
    {
        var people = recipients.DistinctBy(r => r.UserId).ToList();
        if (people.Count == 0) return 0;
        var ids = people.Select(p => p.UserId).ToList();
        var already = (await db.Notifications.Where(n => n.EventKey == eventKey && ids.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct))
            .ToHashSet();
        var serialised = NoticeArguments.Serialise(arguments);
        var now = clock.GetUtcNow();
        var told = 0;
        // Rendered once per language among the recipients, not once per person.
        foreach (var language in people.Where(p => !already.Contains(p.UserId)).GroupBy(p => DocumentLanguages.Normalise(p.Language)))
        {
            var rendered = mail.Render(language.Key, texts, serialised, link);
            foreach (var person in language)
            {
                db.Notifications.Add(new Notification(person.UserId, eventKey, texts.Subject, texts.Body, serialised, link, now));
                email.Queue(new EmailMessage(person.Email, rendered.Subject, rendered.TextBody, rendered.HtmlBody, DeduplicationKey(eventKey, person.UserId)));
                told++;
            }
        }
        return told;
    }

    /// <summary>The outbox refuses a second mail with this key, a second line behind the notification's unique index.</summary>
    private static string DeduplicationKey(string eventKey, Guid userId) => $"{eventKey}:{userId}";

    /// <summary>
    /// Many events at once, for the sweeps: the notifications and their e-mails inserted by one statement per
    /// <see cref="BulkChunkSize"/> rows, nothing rendered now (each mail keeps its notification and is rendered in its
    /// reader's language when sent). Written now, in the caller's transaction (required): a rolled-back sweep leaves none,
    /// a committed one all. A notice already sent, or inserted meanwhile by another run, is skipped, not doubled, not an
    /// error: the notifications' unique (user, event key) index decides.
    /// </summary>
    public async Task<int> NotifyManyAsync(IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Send notices in bulk in the transaction of the change that causes them.");
        var wanted = new HashSet<(Guid UserId, string EventKey)>();
        var messages = notices.SelectMany(n =>
        {
            var arguments = NoticeArguments.Serialise(n.Arguments);
            return n.Recipients.Where(r => wanted.Add((r.UserId, n.EventKey)))
                .Select(r => new Message(r.UserId, r.Email, DocumentLanguages.Normalise(r.Language), n.EventKey, n.Texts, arguments, n.Link));
        }).ToList();
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var chunk in messages.Chunk(BulkChunkSize))
            sent += await InsertAsync(chunk, now, ct);
        return sent;
    }

    /// <summary>What one person is told: the notification's keys and arguments, and where and in what language to mail it.</summary>
    private sealed record Message(Guid UserId, string Email, string Language, string EventKey, NoticeText Texts, string Arguments, string Link);

    /// <summary>
    /// The notifications, then the e-mails of just those that went in: ON CONFLICT skips what was sent before or what a
    /// concurrent run wrote first (it waits for that run's commit), so the count is what this run really sent. The
    /// e-mails are made from the inserted notifications inside the statement, so their keys and arguments cross the
    /// wire once.
    /// </summary>
    private async Task<int> InsertAsync(IReadOnlyCollection<Message> messages, DateTimeOffset now, CancellationToken ct)
    {
        var ids = messages.Select(_ => Guid.CreateVersion7()).ToArray();
        var emailIds = messages.Select(_ => Guid.CreateVersion7()).ToArray();
        var users = messages.Select(m => m.UserId).ToArray();
        var keys = messages.Select(m => m.EventKey).ToArray();
        var subjectKeys = messages.Select(m => m.Texts.Subject).ToArray();
        var bodyKeys = messages.Select(m => m.Texts.Body).ToArray();
        var arguments = messages.Select(m => m.Arguments).ToArray();
        var links = messages.Select(m => m.Link).ToArray();
        var addresses = messages.Select(m => m.Email).ToArray();
        var languages = messages.Select(m => m.Language).ToArray();
        // A data-modifying WITH must stay at the top level: read with ToListAsync, which sends the SQL as written. The
        // deduplication key is DeduplicationKey's, written in SQL (a uuid's text is the same lower-case form .NET writes).
        var inserted = await db.Database.SqlQuery<int>($"""
            WITH message AS (
                SELECT * FROM unnest({ids}::uuid[], {users}::uuid[], {keys}::text[], {subjectKeys}::text[], {bodyKeys}::text[], {arguments}::text[],
                                     {links}::text[], {emailIds}::uuid[], {addresses}::text[], {languages}::text[])
                    AS t(id, user_id, event_key, subject_key, body_key, arguments, link, email_id, address, language)
            ), notified AS (
                INSERT INTO notifications (id, user_id, event_key, subject_key, body_key, arguments, link, created_at)
                SELECT id, user_id, event_key, subject_key, body_key, arguments::jsonb, link, {now} FROM message
                ON CONFLICT (user_id, event_key) DO NOTHING
                RETURNING id
            ), queued AS (
                INSERT INTO outbox_emails (id, "to", subject, text_body, created_at, deduplication_key, attempts, notification_id, language)
                SELECT m.email_id, m.address, '', '', {now}, m.event_key || ':' || m.user_id, 0, m.id, m.language
                FROM message m JOIN notified USING (id)
                ON CONFLICT (deduplication_key) DO NOTHING
            )
            SELECT count(*)::int AS "Value" FROM notified
            """).ToListAsync(ct);
        return inserted.Single();
    }
}
