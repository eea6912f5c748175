using System.Diagnostics;
using Npgsql;
using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.UnitTests.EmbeddedPostgres;

/// <summary>These start real PostgreSQL servers from the machine's binaries; they are the embedded server's tests.</summary>
public sealed class EmbeddedPostgresServerTests
{
    [Fact]
    public void TemporaryServer_AnswersOnLoopback_AndLeavesNoProcessOrFolder()
    {
        string dataDirectory;
        int port;
        using (var server = EmbeddedPostgresServer.StartTemporary())
        {
            dataDirectory = server.DataDirectory;
            port = server.Port;
            Assert.Equal(1, Query(server.ConnectionString, "SELECT 1"));
            Assert.Equal("127.0.0.1", QueryText(server.ConnectionString, "SHOW listen_addresses"));
            // Under root the server must run as the postgres account, never as root.
            Assert.Equal(OsUser.IsRoot ? "postgres" : Environment.UserName, ServerProcessOwner(dataDirectory));
        }
        Assert.False(Directory.Exists(dataDirectory));
        Assert.Null(ServerProcessOwner(dataDirectory));
        Assert.True(PortIsFree(port));
    }

    [Fact]
    public void StaleClusterOfADeadRun_IsStoppedAndRemoved_NotReused()
    {
        // A run that was killed leaves its cluster running; fake that by writing a dead owner into it.
        var stale = EmbeddedPostgresServer.StartTemporary();
        var staleRoot = Path.GetDirectoryName(stale.DataDirectory)!;
        File.WriteAllText(Path.Combine(staleRoot, "owner.pid"), "999999 0");

        using var fresh = EmbeddedPostgresServer.StartTemporary();

        Assert.NotEqual(stale.DataDirectory, fresh.DataDirectory);
        Assert.False(Directory.Exists(staleRoot));
        Assert.Null(ServerProcessOwner(stale.DataDirectory));
        Assert.Equal(1, Query(fresh.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public void PersistentServer_KeepsItsDataBetweenRuns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trustfund-persistent-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var first = EmbeddedPostgresServer.StartPersistent(folder))
            {
                Query(first.MigrationsConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42); SELECT 1");
            }
            using var second = EmbeddedPostgresServer.StartPersistent(folder);
            Assert.Equal(42, Query(second.MigrationsConnectionString, "SELECT id FROM kept"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingBinaries_GiveAClearMessageSayingWhatToInstall()
    {
        Assert.Contains("apt-get install postgresql", PostgresBinaries.InstallHint);
        Assert.Contains("ConnectionStrings:TrustFund", PostgresBinaries.InstallHint);
    }

    private static int Query(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static string QueryText(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The user running the postmaster of that data folder, or null when none runs.</summary>
    private static string? ServerProcessOwner(string dataDirectory)
    {
        var output = Process.Start(new ProcessStartInfo("ps", "-eo user:32,args") { RedirectStandardOutput = true })!;
        var lines = output.StandardOutput.ReadToEnd().Split('\n');
        output.WaitForExit();
        var line = lines.FirstOrDefault(l => l.Contains("postgres") && l.Contains($"-D {dataDirectory}"));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }
}
