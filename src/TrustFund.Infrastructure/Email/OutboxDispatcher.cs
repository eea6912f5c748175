using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TrustFund.Application.Data;
using TrustFund.Domain.Messaging;

namespace TrustFund.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers never send
/// the same mail, and each is marked sent in the same transaction that claimed it.
/// </summary>
public sealed class OutboxDispatcher(TrustFundDbContext db, IMailTransport transport, IOptions<SmtpOptions> smtp,
    IOptions<OutboxOptions> outbox, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public async Task<int> DispatchPendingAsync(int batchSize = 20, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.OutboxEmails
            .FromSql($"SELECT * FROM outbox_emails WHERE sent_at IS NULL AND attempts < {outbox.Value.MaxAttempts} ORDER BY created_at LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var sent = 0;
        foreach (var email in pending)
        {
            try
            {
                await transport.DeliverAsync(ToMime(email), ct);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send e-mail {EmailId} to {To}", email.Id, email.To);
                email.MarkFailed(e.Message);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sent;
    }

    private MimeMessage ToMime(OutboxEmail email)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = email.CreatedAt,
            // A stable id lets a receiving server drop a duplicate should a send be retried after a crash.
            MessageId = $"{email.Id:N}@trustfund",
        };
        message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
