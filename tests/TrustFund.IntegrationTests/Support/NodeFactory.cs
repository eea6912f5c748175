using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// One more node of the application (a web replica or a worker) on the test run's database, as docker-compose runs
/// several: same database, its own process state (memory caches, key ring, background services), the test's clock.
/// </summary>
public sealed class NodeFactory(string connectionString, TimeProvider clock, IReadOnlyDictionary<string, string> settings)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TrustFund", connectionString);
        // The run's first node migrated and seeded; a replica only serves.
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedOnStartup", "false");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Outbox:RunDispatcher", "false");
        builder.UseSetting("Database:MinPoolSize", "2");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(clock));
            services.AddHostedService<ReleaseHangfireLogsOnStop>();
        });
    }
}
