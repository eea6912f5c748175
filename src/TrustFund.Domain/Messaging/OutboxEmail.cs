namespace TrustFund.Domain.Messaging;

/// <summary>
/// An e-mail waiting to be sent. It is written in the same transaction as the change that caused it, so a
/// rolled-back change sends nothing and a committed one is never forgotten.
/// </summary>
public sealed class OutboxEmail
{
    private OutboxEmail() { }

    public OutboxEmail(string to, string subject, string textBody, string? htmlBody, DateTimeOffset createdAt, string? deduplicationKey = null)
    {
        Id = Guid.CreateVersion7();
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        DeduplicationKey = deduplicationKey;
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Names the event the mail is about, so a job that runs twice cannot queue the same mail twice.</summary>
    public string? DeduplicationKey { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}
