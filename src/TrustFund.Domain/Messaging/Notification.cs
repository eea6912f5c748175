namespace TrustFund.Domain.Messaging;

/// <summary>
/// One message to one person in their notification centre (and, alongside it, by e-mail). The event key names what it
/// is about ("term-ending:{id}"); a person gets each event once, however often a job runs.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid userId, string eventKey, string subject, string body, string? link, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        EventKey = eventKey;
        Subject = subject;
        Body = body;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string EventKey { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
