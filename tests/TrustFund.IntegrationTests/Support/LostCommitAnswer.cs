using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// A fault the tests set off: the next COMMIT takes effect in PostgreSQL, then its answer is lost on the way back, as
/// when the connection breaks between the server writing the commit and the application reading the reply. The
/// application sees what Npgsql reports then: a transient failure of the connection, which its execution strategy retries.
/// </summary>
public sealed class LostCommitAnswer : DbTransactionInterceptor
{
    private int _armed;
    private int _fired;

    /// <summary>How many commits had their answer lost.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public void LoseTheNextOne() => Interlocked.Exchange(ref _armed, 1);

    public void Disarm() => Interlocked.Exchange(ref _armed, 0);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 0) return Task.CompletedTask;
        Interlocked.Increment(ref _fired);
        throw new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"));
    }
}
