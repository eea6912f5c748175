namespace TrustFund.Domain.Messaging;

/// <summary>
/// One message to one person in their notification centre (and, alongside it, by e-mail). The event key names what it
/// is about ("term-ending:{id}"); a person gets each event once, however often a job runs. It keeps what it says as
/// catalogue keys and arguments, so it is shown in the language its reader has when reading it, not the one they had
/// when it was sent.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid userId, string eventKey, string subjectKey, string bodyKey, string arguments, string? link, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        EventKey = eventKey;
        SubjectKey = subjectKey;
        BodyKey = bodyKey;
        Arguments = arguments;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string EventKey { get; private set; } = "";

    /// <summary>The subject and body as catalogue keys (English, with {0}... placeholders) and their arguments as JSON.</summary>
    public string? SubjectKey { get; private set; }
    public string? BodyKey { get; private set; }
    public string? Arguments { get; private set; }

    /// <summary>
    /// Notifications written before they kept keys hold only the text rendered then, in one language: shown as written.
    /// </summary>
    public string? Subject { get; private set; }
    public string? Body { get; private set; }

    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
