using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The application's connection (its own role: no superuser, owns nothing) and the owner's, which only the
/// migrations use. Null when this process was given no owner: it may then serve but not migrate.
/// </summary>
public sealed record DatabaseConnections(string Application, string? Migrations);

/// <summary>
/// Decides which PostgreSQL the app talks to: a configured connection string always wins; without one, a
/// development run starts its own cluster from the machine's binaries. Production never starts one.
/// </summary>
public static class DatabaseConnection
{
    public static DatabaseConnections Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("TrustFund");
        var migrations = builder.Configuration.GetConnectionString("TrustFundMigrations");
        if (!string.IsNullOrWhiteSpace(configured))
            return new DatabaseConnections(configured, string.IsNullOrWhiteSpace(migrations) ? null : migrations);

        if (builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "ConnectionStrings:TrustFund is not set. Production never starts an embedded PostgreSQL: " +
                "set the connection string (for example the environment variable ConnectionStrings__TrustFund).");
        if (!builder.Configuration.GetValue("EmbeddedPostgres:Enabled", true))
            throw new InvalidOperationException("ConnectionStrings:TrustFund is not set and EmbeddedPostgres:Enabled is false.");

        var folder = Path.Combine(builder.Environment.ContentRootPath,
            builder.Configuration["EmbeddedPostgres:DataDirectory"] ?? ".local/postgres");
        var server = EmbeddedPostgresServer.StartPersistent(folder, builder.Configuration["EmbeddedPostgres:ServerUser"]);
        // Registered through a factory so the container stops the server when the app shuts down.
        builder.Services.AddSingleton(_ => server);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        Console.WriteLine($"Embedded PostgreSQL: {server.DataDirectory} on 127.0.0.1:{server.Port}");
        return new DatabaseConnections(server.ConnectionString, server.MigrationsConnectionString);
    }
}

/// <summary>Ties the embedded server to the app: resolved at start, stopped at shutdown.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgresServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Stop();
        return Task.CompletedTask;
    }
}
