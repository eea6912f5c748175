using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using TrustFund.Application.Data;

namespace TrustFund.Infrastructure.EmbeddedPostgres;

/// <summary>
/// A private PostgreSQL cluster started from the machine's binaries, listening on 127.0.0.1 only, with a random
/// password. Development keeps one in a git-ignored folder between runs; each test run makes a throw-away one and
/// removes it, and removes any left by an earlier run that was killed.
/// Like production it has two roles besides the cluster's superuser: <see cref="OwnerRole"/>, which owns the database and
/// runs the migrations (<see cref="MigrationsConnectionString"/>), and <see cref="DatabaseRoles.Application"/>, which the
/// application connects as (<see cref="ConnectionString"/>); so what the tests prove about permissions holds in production.
/// </summary>
public sealed class EmbeddedPostgresServer : IDisposable
{
    public const string DatabaseName = "trustfund";
    public const string OwnerRole = "trustfund_owner";
    private const string SuperUser = "postgres";
    private const string OwnerFile = "owner.pid";

    private readonly string _root;
    private readonly bool _temporary;
    private readonly OsUser _user;
    private readonly string _bin;
    private bool _stopped;

    private EmbeddedPostgresServer(string root, bool temporary, OsUser user, string bin)
    {
        _root = root;
        _temporary = temporary;
        _user = user;
        _bin = bin;
    }

    public string DataDirectory => Path.Combine(_root, "pgdata");
    public int Port { get; private set; }

    /// <summary>The application's role: no superuser, owns nothing, only what the migrations grant it.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The schema's owner, for migrations and for maintenance such as the test reset.</summary>
    public string MigrationsConnectionString { get; private set; } = "";

    /// <summary>Starts (or reuses, if it is still running) the development cluster kept under <paramref name="root"/>.</summary>
    public static EmbeddedPostgresServer StartPersistent(string root, string? serverUser = null)
    {
        var user = OsUser.ForServer(serverUser);
        root = ReachableRoot(Path.GetFullPath(root), user);
        var server = new EmbeddedPostgresServer(root, temporary: false, user, PostgresBinaries.Locate());
        server.Start();
        return server;
    }

    /// <summary>Starts a throw-away cluster for one test run, first removing clusters of runs that died.</summary>
    public static EmbeddedPostgresServer StartTemporary(string? serverUser = null)
    {
        var user = OsUser.ForServer(serverUser);
        var bin = PostgresBinaries.Locate();
        // One folder per account: each cleans up only its own abandoned clusters.
        var parent = Path.Combine(Path.GetTempPath(), $"trustfund-pg-tests-{Environment.UserName}");
        Directory.CreateDirectory(parent);
        RemoveAbandonedClusters(parent, user, bin);
        var root = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        // Made complete under a hidden name, then renamed: another run never sees this folder without its owner.
        var making = Path.Combine(parent, "." + Path.GetFileName(root));
        Directory.CreateDirectory(making);
        File.WriteAllText(Path.Combine(making, OwnerFile), $"{Environment.ProcessId} {ProcessStartTicks(Environment.ProcessId)}");
        Directory.Move(making, root);
        var server = new EmbeddedPostgresServer(root, temporary: true, user, bin);
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    private void Start()
    {
        Directory.CreateDirectory(_root);
        var passwordFile = Path.Combine(_root, "password");
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))) Initialise(passwordFile);
        var password = File.ReadAllText(passwordFile).Trim();

        if (IsRunning() && File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile), out var runningPort))
        {
            Port = runningPort; // left running by a development run that was killed: reuse it
        }
        else
        {
            Port = FreePort(File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile), out var last) ? last : 0);
            WriteServerSettings();
            File.WriteAllText(PortFile, Port.ToString());
            _user.Checked(Program("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start"],
                TimeSpan.FromSeconds(90));
        }

        var superUser = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = SuperUser, Password = password, Database = DatabaseName, Pooling = false,
        }.ConnectionString;
        var ownerPassword = RolePassword(OwnerRole);
        var applicationPassword = RolePassword(DatabaseRoles.Application);
        EnsureRolesAndDatabase(superUser, ownerPassword, applicationPassword);
        MigrationsConnectionString = RoleConnectionString(OwnerRole, ownerPassword);
        ConnectionString = RoleConnectionString(DatabaseRoles.Application, applicationPassword);
    }

    private string RoleConnectionString(string role, string rolePassword) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = role, Password = rolePassword, Database = DatabaseName,
    }.ConnectionString;

    /// <summary>Each role has its own random password, kept beside the cluster (a cluster from before the roles gets them now).</summary>
    private string RolePassword(string role)
    {
        var file = Path.Combine(_root, $"{role}.password");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(file).Trim();
    }

    private string PortFile => Path.Combine(_root, "port");

    private void Initialise(string passwordFile)
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateDirectory(DataDirectory);
        _user.Own(_root);
        _user.Checked(Program("initdb"),
            ["-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256",
             "--encoding", "UTF8", "--no-locale", "--no-instructions"], TimeSpan.FromMinutes(2));
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), "\ninclude_if_exists = 'trustfund.conf'\n");
    }

    private void WriteServerSettings()
    {
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            $"port = {Port}",
            "unix_socket_directories = ''",
            "max_connections = 200",
        };
        // A throw-away cluster need not survive a power cut; skipping the flushes makes the tests much faster.
        if (_temporary) settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        var file = Path.Combine(DataDirectory, "trustfund.conf");
        File.WriteAllText(file, string.Join('\n', settings) + "\n");
        _user.Own(file);
    }

    private bool IsRunning() =>
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid")) &&
        _user.Run(Program("pg_ctl"), ["-D", DataDirectory, "status"]).ExitCode == 0;

    /// <summary>
    /// Creates (or brings up to date) the owner and the application's role, and the database owned by the owner.
    /// Passwords are hex from our own generator, so writing them into the statement is safe.
    /// </summary>
    private static void EnsureRolesAndDatabase(string superUser, string ownerPassword, string applicationPassword)
    {
        var admin = new NpgsqlConnectionStringBuilder(superUser) { Database = "postgres" };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            Execute(connection, $"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole}; END IF;
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DatabaseRoles.Application}') THEN CREATE ROLE {DatabaseRoles.Application}; END IF;
                END $$;
                ALTER ROLE {OwnerRole} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '{ownerPassword}';
                ALTER ROLE {DatabaseRoles.Application} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '{applicationPassword}';
                """);
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", DatabaseName);
            if (exists.ExecuteScalar() is null) Execute(connection, $"CREATE DATABASE {DatabaseName} OWNER {OwnerRole}");
        }

        using var database = new NpgsqlConnection(superUser);
        database.Open();
        // A development cluster made before the two roles has its tables owned by the superuser: hand them to the owner,
        // so that the owner's migrations can grant on them. Nothing to do on a new cluster.
        Execute(database, $"""
            ALTER DATABASE {DatabaseName} OWNER TO {OwnerRole};
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            DO $$ DECLARE statement text; BEGIN
                FOR statement IN
                    SELECT format('ALTER TABLE %I.%I OWNER TO {OwnerRole}', schemaname, tablename) FROM pg_tables
                    WHERE schemaname IN ('public', 'hangfire') AND tableowner = '{SuperUser}'
                    UNION ALL
                    SELECT format('ALTER FUNCTION %I.%I OWNER TO {OwnerRole}', n.nspname, p.proname) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname IN ('public', 'hangfire') AND p.proowner = '{SuperUser}'::regrole
                    UNION ALL
                    SELECT format('ALTER SCHEMA %I OWNER TO {OwnerRole}', nspname) FROM pg_namespace
                    WHERE nspname = 'hangfire' AND nspowner = '{SuperUser}'::regrole
                LOOP EXECUTE statement; END LOOP;
            END $$;
            """);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Stops the server process and keeps its data, as a restart or a fail-over does: the fault tests and the fault
    /// mode of the rush benchmark call this, then <see cref="StartServer"/>. "fast" ends the open connections the way
    /// a restart does (57P01); "immediate" as a crash does.
    /// </summary>
    public void StopServer(string mode = "fast") =>
        _user.Checked(Program("pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "stop"], TimeSpan.FromSeconds(60));

    /// <summary>Starts the server again after <see cref="StopServer"/>, on the same port.</summary>
    public void StartServer() => Start();

    public void Stop()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        if (IsRunning()) _user.Run(Program("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], TimeSpan.FromSeconds(60));
        if (_temporary) DeleteFolder(_root);
    }

    /// <summary>
    /// Deletes a cluster's folder. The server's last files can still be disappearing under a loaded machine, which makes a
    /// recursive delete fail half-way on a file that is already gone; trying again removes what is left.
    /// </summary>
    private static void DeleteFolder(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try { Directory.Delete(path, recursive: true); }
            catch (IOException) when (attempt < 5) { Thread.Sleep(200 * attempt); }
        }
    }

    public void Dispose() => Stop();

    private string Program(string name) => Path.Combine(_bin, name);

    /// <summary>
    /// Under root the server runs as another user, who must be able to reach the folder. A checkout under /root is
    /// out of its reach, so the cluster then lives under /var/tmp instead, named after the checkout.
    /// </summary>
    private static string ReachableRoot(string root, OsUser user)
    {
        if (user.RunAs is null) return root;
        var probe = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(probe);
        if (user.Run("test", ["-x", probe]).ExitCode == 0) return root;
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp", "trustfund-dev-pg", hash);
    }

    private static void RemoveAbandonedClusters(string parent, OsUser user, string bin)
    {
        foreach (var dir in Directory.GetDirectories(parent).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (File.Exists(owner) && OwnerIsAlive(File.ReadAllText(owner))) continue;
            var data = Path.Combine(dir, "pgdata");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                user.Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(60));
            // With retries: the stopped server's last files can still be vanishing under a loaded machine.
            try { DeleteFolder(dir); }
            catch (IOException) { /* another run is removing it at the same moment */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool OwnerIsAlive(string ownerLine)
    {
        var parts = ownerLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid)) return false;
        // A recycled process id is not the owner: the start time must match too.
        return ProcessStartTicks(pid) is { } ticks && ticks.ToString() == parts[1];
    }

    /// <summary>
    /// When the process started, as a number that is the same whoever reads it: the start time in clock ticks
    /// since boot from /proc (Process.StartTime is derived from the wall clock and drifts between readers).
    /// </summary>
    private static long? ProcessStartTicks(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (File.Exists("/proc/self/stat"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                // Fields after the command name (which may contain spaces) start after the last ')'; starttime is field 22.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static int FreePort(int preferred)
    {
        if (preferred > 0 && IsFree(preferred)) return preferred;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
