using Npgsql;
using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.Web.Hosting;

/// <summary>
/// `check-postgres`: starts a throw-away embedded cluster, asks it one question and removes it, so a developer
/// (or a test, under another account) learns at once whether this machine can run the zero-set-up default.
/// </summary>
public static class EmbeddedPostgresCheck
{
    public static int Run()
    {
        try
        {
            using var server = EmbeddedPostgresServer.StartTemporary();
            using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand("SELECT current_user || ' ' || version()", connection);
            Console.WriteLine($"OK: {command.ExecuteScalar()} on 127.0.0.1:{server.Port} as {Environment.UserName}");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"The embedded PostgreSQL cannot start here: {e.Message}");
            return 1;
        }
    }
}
