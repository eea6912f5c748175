using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// A fault the tests set off: the next COMMIT fails before it reaches PostgreSQL, after the command and its domain
/// events' handlers have run, so the transaction rolls back with everything they wrote. Refused, it is an error the
/// application cannot retry (the request fails); broken, it is a transient connection failure, which the execution
/// strategy retries by running the whole command again.
/// </summary>
public sealed class FailingCommit : DbTransactionInterceptor
{
    private const int Off = 0, Refuse = 1, Break = 2;
    private int _armed;
    private int _fired;

    /// <summary>How many commits failed.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public void RefuseTheNextOne() => Interlocked.Exchange(ref _armed, Refuse);

    public void BreakTheNextOne() => Interlocked.Exchange(ref _armed, Break);

    public void Disarm()
    {
        Interlocked.Exchange(ref _armed, Off);
        Interlocked.Exchange(ref _fired, 0);
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var armed = Interlocked.Exchange(ref _armed, Off);
        if (armed == Off) return ValueTask.FromResult(result);
        Interlocked.Increment(ref _fired);
        throw armed == Refuse
            ? new InvalidOperationException("The test refused this commit.")
            : new NpgsqlException("Exception while writing to stream", new IOException("Connection reset by peer"));
    }
}
