namespace TrustFund.Domain.Messaging;

/// <summary>
/// An e-mail waiting to be sent. It is written in the same transaction as the change that caused it, so a
/// rolled-back change sends nothing and a committed one is never forgotten. A mail the mail server refuses for now is
/// tried again later and later (about a minute, doubling up to six hours) for up to three days; one it refuses for
/// good (a 5xx answer), or still undelivered after three days, waits for an administrator to send it again.
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

    /// <summary>
    /// Set for a notice a sweep queued by the thousand: the mail is that notification, rendered in <see cref="Language"/>
    /// when it is sent, and <see cref="Subject"/> and the bodies stay empty. Writing the rendered text of every mail of a
    /// first catch-up (tens of thousands) was most of its time; the notification already holds what the mail says.
    /// </summary>
    public Guid? NotificationId { get; private set; }

    /// <summary>The language a <see cref="NotificationId"/> mail is rendered in: its reader's when it was queued.</summary>
    public string? Language { get; private set; }

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(6);
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromDays(3);

    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// Not to be picked up before this instant: while a dispatcher is sending it (its lease, so another dispatcher
    /// skips it, and a dispatcher that died lets it go when the lease ends), or until its next try after a failure.
    /// </summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>When this round of tries began (the first failure); the three days of tries count from here.</summary>
    public DateTimeOffset? FirstFailedAt { get; private set; }

    /// <summary>Set when the mail server refused it for good or three days of tries ran out: only an administrator resends it.</summary>
    public DateTimeOffset? GivenUpAt { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        LastError = null;
        LockedUntil = null;
    }

    /// <summary>
    /// Records a failed try. <paramref name="jitter"/> (0 to 1) spreads the next tries of many mails that failed together
    /// (an SMTP outage), so they do not all come back at the same second.
    /// </summary>
    public void MarkFailed(string error, bool permanent, DateTimeOffset at, double jitter)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        FirstFailedAt ??= at;
        var next = at + RetryDelay(Attempts, jitter);
        if (permanent || next - FirstFailedAt.Value > RetryPeriod)
        {
            GivenUpAt = at;
            LockedUntil = null;
        }
        else
        {
            LockedUntil = next;
        }
    }

    /// <summary>About a minute after the first failure, doubling each time, at most six hours; ±20 % jitter.</summary>
    public static TimeSpan RetryDelay(int failures, double jitter)
    {
        var doubled = FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 20));
        var seconds = Math.Min(doubled, LongestRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1)));
    }

    /// <summary>An administrator sends an undelivered mail again: a new round of tries, starting at once.</summary>
    public void Resend()
    {
        if (SentAt is not null) return;
        GivenUpAt = null;
        FirstFailedAt = null;
        LockedUntil = null;
    }
}
