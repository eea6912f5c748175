using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Messaging;

namespace TrustFund.Application.Messaging;

public sealed class OutboxEmailSender(TrustFundDbContext db, TimeProvider clock) : IEmailSender
{
    public void Queue(EmailMessage message) =>
        db.OutboxEmails.Add(new OutboxEmail(message.To, message.Subject, message.TextBody, message.HtmlBody,
            clock.GetUtcNow(), message.DeduplicationKey));
}
