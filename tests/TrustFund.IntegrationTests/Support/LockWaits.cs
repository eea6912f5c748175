using Microsoft.EntityFrameworkCore;

namespace TrustFund.IntegrationTests.Support;

public abstract partial class IntegrationTest
{
    /// <summary>
    /// Waits (up to ten seconds) until at least <paramref name="sessions"/> sessions of this database are blocked on a
    /// lock, as PostgreSQL reports it: how a test knows that concurrent work really met at the same rows.
    /// </summary>
    protected async Task<bool> SessionsWaitOnALock(int sessions = 1)
    {
        // A limit on waiting for PostgreSQL's own report, measured on the monotonic clock (the wall clock may be faked).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await using var db = App.NewDbContext();
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync();
            if (waiting >= sessions) return true;
            await Task.Delay(20);
        }
        return false;
    }
}
