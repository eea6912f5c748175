using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TrustFund.Infrastructure.Database;

/// <summary>
/// How the application meets PostgreSQL under load and through faults: the connection pool's bounds, and which errors
/// a command is run again for. Settings under <c>Database:</c>, defaults documented in appsettings.example.json.
/// </summary>
public static class DatabaseResilience
{
    /// <summary>
    /// Errors worth running a whole command again for, besides those Npgsql already calls transient (connection
    /// refused or reset, too many connections): the server shutting down or restarting (57P01, 57P02, 57P03) and the
    /// two a concurrent transaction causes (40001 serialisation failure, 40P01 deadlock).
    /// </summary>
    public static readonly string[] RetriedErrorCodes =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected,
    ];

    /// <summary>
    /// Whether an error means "the database cannot answer now" (down, restarting, out of connections, retries spent,
    /// or a lock another node holds in it not free in time: Hangfire's distributed lock when a job is triggered from
    /// /hangfire while it runs) rather than a fault in the request: the caller answers "try again", not "something went wrong".
    /// </summary>
    public static bool IsUnavailable(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:
                case Hangfire.Storage.DistributedLockTimeoutException:
                case PostgresException postgres when RetriedErrorCodes.Contains(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }

    public static int MaxRetryCount(IConfiguration configuration) => configuration.GetValue("Database:MaxRetryCount", 4);

    public static TimeSpan MaxRetryDelay(IConfiguration configuration) =>
        TimeSpan.FromMilliseconds(configuration.GetValue("Database:MaxRetryDelayMilliseconds", 2000));

    /// <summary>
    /// The connection string with the pool's bounds from the settings. The maximum (100, Npgsql's default) must stay
    /// below the server's max_connections divided by the number of nodes; the minimum (10) is kept open and warmed at
    /// start, so a burst of sign-ins after a deployment does not wait for connections to be made one by one.
    /// Statements are prepared on each connection from their second use (up to 100 per connection): PostgreSQL then
    /// no longer parses and plans the same few dozen statements on every request, which was a third of its processor
    /// time in the deadline rush (benchmark DeadlineRush). A migration that adds a column leaves them valid (EF names
    /// its columns, and wraps FromSql's <c>SELECT *</c> in a query that does); PostgreSQL plans a prepared statement
    /// again by itself when a table it reads changes.
    /// </summary>
    public static string WithPoolSettings(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 100),
            MinPoolSize = configuration.GetValue("Database:MinPoolSize", 10),
            MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", 100),
            AutoPrepareMinUsages = configuration.GetValue("Database:AutoPrepareMinUsages", 2),
        };
        if (builder.MinPoolSize > builder.MaxPoolSize) builder.MinPoolSize = builder.MaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>Opens the pool's minimum number of connections at once and returns them to the pool, which keeps them.</summary>
    public static async Task WarmPoolAsync(string connectionString, CancellationToken ct = default)
    {
        var size = new NpgsqlConnectionStringBuilder(connectionString).MinPoolSize;
        var connections = new NpgsqlConnection[size];
        try
        {
            await Task.WhenAll(Enumerable.Range(0, size).Select(async i =>
            {
                connections[i] = new NpgsqlConnection(connectionString);
                await connections[i].OpenAsync(ct);
            }));
        }
        finally
        {
            foreach (var connection in connections) if (connection is not null) await connection.DisposeAsync();
        }
    }
}

/// <summary>The connection string the application's pool uses (with the pool settings applied), for the start-up warm-up.</summary>
public sealed record ApplicationConnectionString(string Value);
