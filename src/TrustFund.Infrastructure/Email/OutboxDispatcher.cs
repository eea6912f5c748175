using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TrustFund.Application.Data;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Messaging;

namespace TrustFund.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds. A batch is claimed by one statement that gives the rows a lease (locked_until) and
/// commits at once (FOR UPDATE SKIP LOCKED, so two dispatchers never claim the same row): no transaction stays open
/// while the mail server answers, and a dispatcher that dies lets its mails go when the lease ends. Each mail's outcome
/// is saved as soon as it is known: sent; refused for now (tried again later, see <see cref="OutboxEmail.MarkFailed"/>);
/// or refused for good (a 5xx answer, an address that cannot be parsed), left for an administrator. A sweep's notice
/// is queued as its notification and rendered here, in the language its row names (<see cref="NoticeMail"/>).
/// </summary>
public sealed class OutboxDispatcher(TrustFundDbContext db, IMailTransport transport, IOptions<SmtpOptions> smtp,
    IOptions<OutboxOptions> outbox, TimeProvider clock, NoticeMail notices, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends one batch (<see cref="OutboxOptions.BatchSize"/> unless given); returns how many were sent.</summary>
    public async Task<int> DispatchPendingAsync(int? batchSize = null, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var lease = now.AddSeconds(outbox.Value.LeaseSeconds);
        var batch = await db.OutboxEmails.FromSql($"""
            UPDATE outbox_emails SET locked_until = {lease}
            WHERE id IN (
                SELECT id FROM outbox_emails
                WHERE sent_at IS NULL AND given_up_at IS NULL AND (locked_until IS NULL OR locked_until <= {now})
                ORDER BY created_at
                LIMIT {batchSize ?? outbox.Value.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).ToListAsync(ct);
        var rendered = await notices.RenderAsync(batch.Where(e => e.NotificationId is not null)
            .Select(e => new NoticeMail.Queued(e.Id, e.NotificationId!.Value, e.Language ?? "en")).ToList(), ct);
        var sent = 0;
        foreach (var email in batch.OrderBy(e => e.CreatedAt))
        {
            try
            {
                await transport.DeliverAsync(ToMime(email, email.NotificationId is null ? null : rendered.GetValueOrDefault(email.Id)), ct);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The server's reply code leads the error, for the administrator who reads it on the undelivered-mail page.
                var error = e is SmtpCommandException command ? $"{(int)command.StatusCode} {e.Message}" : $"{e.GetType().Name}: {e.Message}";
                email.MarkFailed(error, IsPermanent(e), clock.GetUtcNow(), Random.Shared.NextDouble());
                logger.LogWarning(e, "Could not send e-mail {EmailId} to {To} (try {Attempts}); {Outcome}", email.Id, email.To, email.Attempts,
                    email.GivenUpAt is null ? $"next try after {email.LockedUntil:u}" : "given up: an administrator can send it again");
            }
            // Saved at once: a dispatcher stopped half-way through a batch does not send the first mails again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    /// <summary>
    /// A refusal that trying again will not change: the server's permanent 5xx answers (unknown mailbox, message
    /// refused) and an address that is not one. Everything else (no answer, connection dropped, 4xx) is temporary.
    /// </summary>
    public static bool IsPermanent(Exception error) => error switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500,
        ParseException => true,
        NoticeGoneException => true,
        _ => false,
    };

    /// <summary>A notice's mail whose notification was deleted with its reader's account: there is nothing left to send.</summary>
    private sealed class NoticeGoneException() : Exception("The notification this mail renders was deleted (its reader's account was removed).");

    /// <summary>The MIME message of a mail: as written, or, for a notice queued as its notification, as rendered now.</summary>
    private MimeMessage ToMime(OutboxEmail email, NoticeMail.Rendered? notice)
    {
        if (email.NotificationId is not null && notice is null) throw new NoticeGoneException();
        var message = new MimeMessage
        {
            Subject = notice?.Subject ?? email.Subject,
            Date = email.CreatedAt,
            // A stable id lets a receiving server drop a duplicate should a send be retried after a crash.
            MessageId = $"{email.Id:N}@trustfund",
        };
        message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        var body = new BodyBuilder { TextBody = notice?.TextBody ?? email.TextBody, HtmlBody = notice?.HtmlBody ?? email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
