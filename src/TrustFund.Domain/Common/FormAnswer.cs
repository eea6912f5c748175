namespace TrustFund.Domain.Common;

/// <summary>
/// The first answer to a form post, kept for a day under the post's idempotency key: a retry of the same post (a double
/// click, a reconnect, the browser sending it again after a lost answer) gets this answer back and changes nothing a
/// second time. The row is claimed in the command's own transaction, so it exists exactly when the change was committed.
/// </summary>
public sealed class FormAnswer
{
    /// <summary>How long a post can be retried and get its first answer.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private FormAnswer() { }

    public Guid UserId { get; private set; }

    /// <summary>The key the form carried (a new one each time a form is rendered).</summary>
    public Guid Key { get; private set; }

    /// <summary>
    /// SHA-256 of the post's address and fields: the same form posted again with other values (edited after the
    /// browser's Back button) is a new post, not a retry.
    /// </summary>
    public string Fingerprint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null until the answer is known (the command committed, the page not yet answered).</summary>
    public int? StatusCode { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The confirmation shown on the page the answer leads to, already in the reader's language.</summary>
    public string? Message { get; private set; }
}
