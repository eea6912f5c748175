using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Application.Behaviours;

/// <summary>
/// The idempotency key of the form post being handled, per request: the web's filter sets <see cref="Key"/>, and the
/// transaction behaviour claims it in the first command's transaction (a row in form_answers), so the claim commits
/// with the change or not at all. A post whose key is already claimed was already done: the command is not run again
/// (<see cref="PostAlreadyDoneException"/>) and the filter answers with the first answer.
/// </summary>
public sealed class IdempotentPost(TrustFundDbContext db, TimeProvider clock)
{
    public sealed record PostKey(Guid UserId, Guid Key, string Fingerprint);

    public PostKey? Key { get; set; }

    /// <summary>A command of this request committed under the key: its answer is to be stored for retries.</summary>
    public bool Claimed { get; private set; }

    /// <summary>
    /// This request claimed the key in an attempt that then failed: if the key turns out taken, it was this request's own
    /// commit whose acknowledgement was lost (the execution strategy retried), not another post's.
    /// </summary>
    public bool ClaimedInAnEarlierAttempt { get; private set; }

    /// <summary>The transaction that claimed the key in the current attempt (PostgreSQL's id for it).</summary>
    private long? _claimingTransaction;

    /// <summary>An attempt whose COMMIT was sent and then failed: it may have committed with only its acknowledgement lost.</summary>
    private long? _uncertainCommit;

    /// <summary>Claims the key inside the current transaction, once per request; refuses a post already done.</summary>
    internal async Task ClaimAsync(CancellationToken ct)
    {
        if (Key is not { } post || Claimed) return;
        // A second post with the same key waits here on the primary key until the first one's transaction ends: then it
        // inserts nothing (done) or, if the first rolled back, claims the key and runs. The claiming transaction's id
        // comes back with it, so that a commit whose answer is lost can be asked about afterwards (WasCommittedAsync).
        var claimed = await db.Database.SqlQuery<long>($"""
            INSERT INTO form_answers (user_id, key, fingerprint, created_at)
            VALUES ({post.UserId}, {post.Key}, {post.Fingerprint}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            RETURNING pg_current_xact_id()::text::bigint AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) throw new PostAlreadyDoneException();
        _claimingTransaction = claimed[0];
        Claimed = true;
    }

    /// <summary>The attempt's COMMIT is about to be sent: if it then fails, whether it took effect is asked, not guessed.</summary>
    internal void CommitSending() => _uncertainCommit = _claimingTransaction;

    /// <summary>
    /// Whether the attempt whose COMMIT failed did commit (the connection broke after PostgreSQL wrote it, before its
    /// answer arrived). PostgreSQL keeps each transaction's outcome, so the retry reads it instead of running the command
    /// again and then meeting its own claim. When it did, the key is this request's and its answer is to be stored.
    /// </summary>
    internal async Task<bool> WasCommittedAsync(CancellationToken ct)
    {
        if (_uncertainCommit is not { } transaction) return false;
        _uncertainCommit = null;
        var status = await db.Database.SqlQuery<string?>($"SELECT pg_xact_status({transaction}::text::xid8) AS \"Value\"")
            .ToListAsync(ct);
        if (status.SingleOrDefault() != "committed") return false;
        Claimed = true;
        return true;
    }

    /// <summary>The claim went with a transaction that rolled back (or may have): a retry of the command claims it again.</summary>
    internal void Release()
    {
        ClaimedInAnEarlierAttempt |= Claimed;
        Claimed = false;
        _claimingTransaction = null;
    }
}

/// <summary>The form post was already done under its idempotency key: nothing is done a second time.</summary>
public sealed class PostAlreadyDoneException() : Exception("This form post was already done under its idempotency key.");
