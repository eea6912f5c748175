using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Respawn;
using TrustFund.Application.Data;
using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// One application and one throw-away PostgreSQL cluster for the whole test run. Each test starts from an empty
/// database (Respawn) with the reference data and roles kept, on a clock the test controls.
/// </summary>
public sealed class TrustFundAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The data-protection keys are kept as a deployment keeps them: every host of the run (the shared one, a stricter
    // copy, a second node) reads its key ring from this table and caches it. Emptied between tests, a key one host made
    // and still signs cookies and antiforgery tokens with would be missing from the ring of a host started later, which
    // then refuses them (a sign-in answered 400, as seen once when a test started a second host).
    private static readonly string[] KeptTables =
        ["__EFMigrationsHistory", "regional_groups", "countries", "forms_of_exploitation", "assistance_types", "roles", "data_protection_keys"];

    // Respawn empties tables with DELETE, which the journal's and the audit trail's triggers refuse (both are
    // append-only at database level). So Respawn leaves them alone and ResetAsync TRUNCATEs them first, as the owner:
    // TRUNCATE is a maintenance operation that row-level triggers do not cover and the application's role may not run.
    private static readonly string[] AppendOnlyTables = ["journal_entries", "audit_entries"];

    private readonly EmbeddedPostgresServer _postgres = EmbeddedPostgresServer.StartTemporary();
    private Respawner? _respawner;

    /// <summary>The address e-mailed links point to: deliberately not the test client's http://localhost.</summary>
    public const string PublicBaseUrl = "https://trustfund.test";

    public TestClock Clock { get; } = new();
    public TestLog Log { get; } = new();

    /// <summary>Loses the answer to the next COMMIT when a test sets it off (off otherwise).</summary>
    public LostCommitAnswer LostCommitAnswer { get; } = new();

    /// <summary>Fails the next COMMIT before it is sent, when a test sets it off (off otherwise).</summary>
    public FailingCommit FailingCommit { get; } = new();

    /// <summary>
    /// One data-protection certificate for the run, so that every node the tests start (see NodeFactory) reads the key
    /// ring the others wrote, as replicas sharing one certificate do.
    /// </summary>
    public string DataProtectionCertificatePath { get; } = TestCertificate.Write();
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "trustfund-test-mail", Guid.NewGuid().ToString("N"));

    /// <summary>As the application connects: its own role, which owns nothing.</summary>
    public string ConnectionString => _postgres.ConnectionString;

    /// <summary>As the migrations connect: the schema's owner.</summary>
    public string OwnerConnectionString => _postgres.MigrationsConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TrustFund", _postgres.ConnectionString);
        builder.UseSetting("ConnectionStrings:TrustFundMigrations", _postgres.MigrationsConnectionString);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("DataProtection:CertificatePath", DataProtectionCertificatePath);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedOnStartup", "true");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Outbox:RunDispatcher", "false");
        builder.UseSetting("Smtp:PickupDirectory", PickupDirectory);
        builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
        // Retries after a transient database error wait at most a fifth of a second, so the fault tests (which stop
        // the database for seconds) see both outcomes, retried through and 503, without waiting minutes.
        builder.UseSetting("Database:MaxRetryDelayMilliseconds", "200");
        builder.UseSetting("Security:LoginAttemptsPerAccountPerMinute", "1000");
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(LostCommitAnswer);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(FailingCommit);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            services.AddHostedService<ReleaseHangfireLogsOnStop>();
        });
    }

    public async Task InitializeAsync()
    {
        _ = Services; // starts the app: migrations and reference seeding run at start-up
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = KeptTables.Concat(AppendOnlyTables).Select(t => new Respawn.Graph.Table(t)).ToArray(),
        });
    }

    private const string DropReferenceSequences = """
        DO $$ DECLARE sequence record; BEGIN
            FOR sequence IN SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'reference\_number\_%' LOOP
                EXECUTE format('DROP SEQUENCE public.%I', sequence.relname);
            END LOOP;
        END $$;
        """;

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using (var truncate = new NpgsqlCommand($"TRUNCATE TABLE {string.Join(", ", AppendOnlyTables)} RESTART IDENTITY", connection))
            await truncate.ExecuteNonQueryAsync();
        await _respawner!.ResetAsync(connection);
        // Respawn empties tables, not sequences: each test's reference numbers start again at 0001, as on a new database.
        await using (var sequences = new NpgsqlCommand(DropReferenceSequences, connection))
            await sequences.ExecuteNonQueryAsync();
        Clock.Reset();
        Log.Clear();
        LostCommitAnswer.Disarm();
        FailingCommit.Disarm();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
    }

    /// <summary>Stops this run's PostgreSQL as a restart does (open connections end with 57P01), keeping its data.</summary>
    public void StopDatabase() => _postgres.StopServer();

    /// <summary>Starts it again on the same port after <see cref="StopDatabase"/>.</summary>
    public void StartDatabase()
    {
        _postgres.StartServer();
        // The tests' own pool (Respawn, NewDbContext) would hand out connections the restart closed. The app's pool,
        // configured apart, is left as it is: finding its broken connections is part of what the fault tests test.
        foreach (var connectionString in new[] { _postgres.ConnectionString, OwnerConnectionString })
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Runs SQL as the schema's owner: what a test does to the schema (a trigger that fails on purpose) the application's role may not.</summary>
    public async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public TrustFundDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<TrustFundDbContext>();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _postgres.Dispose();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
        File.Delete(DataProtectionCertificatePath);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TrustFundAppFactory>
{
    public const string Name = "app";
}
