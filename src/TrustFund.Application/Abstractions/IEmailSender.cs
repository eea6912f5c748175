namespace TrustFund.Application.Abstractions;

/// <summary>
/// Queues an e-mail. Nothing leaves until the caller's SaveChanges commits: the mail is part of the same
/// transaction as the change that caused it.
/// </summary>
public interface IEmailSender
{
    void Queue(EmailMessage message);
}

/// <param name="DeduplicationKey">Names the event; the database refuses a second mail with the same key.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? DeduplicationKey = null);
