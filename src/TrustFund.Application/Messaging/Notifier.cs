using System.Net;
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
/// Two ways to write, one rendering: <see cref="NotifyAsync"/> adds tracked entities for the caller's SaveChanges (a
/// use case telling a handful of people); <see cref="NotifyManyAsync"/> writes a sweep's thousands of notices at once
/// with set-based statements, inside the caller's open transaction, so they commit exactly when the change that caused
/// them does.
/// </remarks>
public sealed class Notifier(TrustFundDbContext db, IEmailSender email, TimeProvider clock, PublicSite site, IDocumentText catalogue)
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
        var messages = Render(new Notice(people, eventKey, texts, link, arguments), people.Where(p => !already.Contains(p.UserId)));
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            db.Notifications.Add(new Notification(message.UserId, eventKey, texts.Subject, texts.Body, message.Arguments, link, now));
            email.Queue(new EmailMessage(message.Email, message.Subject, message.TextBody, message.HtmlBody, message.DeduplicationKey));
        }
        return messages.Count;
    }

    /// <summary>
    /// Many events at once, for the sweeps: one query for who already has which notice, each text rendered once per
    /// event and language, and the new notifications with their e-mails inserted by one statement per
    /// <see cref="BulkChunkSize"/> rows. Written now, in the caller's transaction (required): a rolled-back sweep leaves
    /// none, a committed one all. A notice another run inserted meanwhile is skipped, not doubled, not an error.
    /// </summary>
    public async Task<int> NotifyManyAsync(IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Send notices in bulk in the transaction of the change that causes them.");
        var wanted = new HashSet<(Guid UserId, string EventKey)>();
        var perNotice = notices.Select(n => (Notice: n, People: n.Recipients.Where(r => wanted.Add((r.UserId, n.EventKey))).ToList())).ToList();
        if (wanted.Count == 0) return 0;

        var already = await AlreadyNotifiedAsync(wanted, ct);
        var messages = perNotice.SelectMany(x => Render(x.Notice, x.People.Where(p => !already.Contains((p.UserId, x.Notice.EventKey))))).ToList();
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var chunk in messages.Chunk(BulkChunkSize))
            sent += await InsertAsync(chunk, now, ct);
        return sent;
    }

    private sealed record Sent(Guid UserId, string EventKey);

    private async Task<HashSet<(Guid, string)>> AlreadyNotifiedAsync(IReadOnlyCollection<(Guid UserId, string EventKey)> pairs, CancellationToken ct)
    {
        var users = pairs.Select(p => p.UserId).ToArray();
        var keys = pairs.Select(p => p.EventKey).ToArray();
        // Joined on both columns, so the unique (user_id, event_key) index answers, however large the table grows. The
        // columns keep their snake_case names: the naming convention maps Sent's properties to them.
        var sent = await db.Database.SqlQuery<Sent>($"""
            SELECT n.user_id, n.event_key
            FROM unnest({users}::uuid[], {keys}::text[]) AS t(user_id, event_key)
            JOIN notifications n ON n.user_id = t.user_id AND n.event_key = t.event_key
            """).ToListAsync(ct);
        return sent.Select(s => (s.UserId, s.EventKey)).ToHashSet();
    }

    /// <summary>
    /// The notifications, then the e-mails of just those that went in: ON CONFLICT skips what a concurrent run wrote
    /// first (it waits for that run's commit), so the count is what this run really sent.
    /// </summary>
    private async Task<int> InsertAsync(IReadOnlyCollection<Message> messages, DateTimeOffset now, CancellationToken ct)
    {
        var ids = messages.Select(_ => Guid.CreateVersion7()).ToArray();
        var emailIds = messages.Select(_ => Guid.CreateVersion7()).ToArray();
        var users = messages.Select(m => m.UserId).ToArray();
        var keys = messages.Select(m => m.EventKey).ToArray();
        var subjectKeys = messages.Select(m => m.SubjectKey).ToArray();
        var bodyKeys = messages.Select(m => m.BodyKey).ToArray();
        var arguments = messages.Select(m => m.Arguments).ToArray();
        var subjects = messages.Select(m => m.Subject).ToArray();
        var links = messages.Select(m => m.Link).ToArray();
        var addresses = messages.Select(m => m.Email).ToArray();
        var textBodies = messages.Select(m => m.TextBody).ToArray();
        var htmlBodies = messages.Select(m => m.HtmlBody).ToArray();
        var deduplicationKeys = messages.Select(m => m.DeduplicationKey).ToArray();
        // A data-modifying WITH must stay at the top level: read with ToListAsync, which sends the SQL as written.
        var inserted = await db.Database.SqlQuery<int>($"""
            WITH message AS (
                SELECT * FROM unnest({ids}::uuid[], {users}::uuid[], {keys}::text[], {subjectKeys}::text[], {bodyKeys}::text[], {arguments}::text[],
                                     {links}::text[], {subjects}::text[], {emailIds}::uuid[], {addresses}::text[], {textBodies}::text[],
                                     {htmlBodies}::text[], {deduplicationKeys}::text[])
                    AS t(id, user_id, event_key, subject_key, body_key, arguments, link, subject, email_id, address, text_body, html_body, deduplication_key)
            ), notified AS (
                INSERT INTO notifications (id, user_id, event_key, subject_key, body_key, arguments, link, created_at)
                SELECT id, user_id, event_key, subject_key, body_key, arguments::jsonb, link, {now} FROM message
                ON CONFLICT (user_id, event_key) DO NOTHING
                RETURNING id
            ), queued AS (
                INSERT INTO outbox_emails (id, "to", subject, text_body, html_body, created_at, deduplication_key, attempts)
                SELECT m.email_id, m.address, m.subject, m.text_body, m.html_body, {now}, m.deduplication_key, 0
                FROM message m JOIN notified USING (id)
                ON CONFLICT (deduplication_key) DO NOTHING
            )
            SELECT count(*)::int AS "Value" FROM notified
            """).ToListAsync(ct);
        return inserted.Single();
    }

    /// <summary>What one person receives: the notification's keys and arguments, and the e-mail rendered from them in their language.</summary>
    private sealed record Message(Guid UserId, string Email, string EventKey, string SubjectKey, string BodyKey, string Arguments, string Subject,
        string Link, string TextBody, string HtmlBody)
    {
        /// <summary>The outbox refuses a second mail with this key, a second line behind the notification's.</summary>
        public string DeduplicationKey => $"{EventKey}:{UserId}";
    }

    /// <summary>
    /// The e-mail of one notice, rendered once per language among its recipients (not once per person); the notification
    /// itself keeps the keys and arguments, rendered again whenever it is shown.
    /// </summary>
    private List<Message> Render(Notice notice, IEnumerable<Recipient> recipients)
    {
        var url = site.Link(notice.Link);
        var encodedUrl = WebUtility.HtmlEncode(url);
        var arguments = NoticeArguments.Serialise(notice.Arguments);
        var messages = new List<Message>();
        foreach (var language in recipients.GroupBy(r => DocumentLanguages.Normalise(r.Language)))
        {
            var (subject, body) = NoticeArguments.Render(catalogue, language.Key, notice.Texts, arguments);
            var text = body + "\n\n" + url;
            var html = $"<p>{WebUtility.HtmlEncode(body).Replace("\n", "<br>")}</p><p><a href=\"{encodedUrl}\">{encodedUrl}</a></p>";
            messages.AddRange(language.Select(person => new Message(person.UserId, person.Email, notice.EventKey, notice.Texts.Subject,
                notice.Texts.Body, arguments, subject, notice.Link, text, html)));
        }
        return messages;
    }
}
