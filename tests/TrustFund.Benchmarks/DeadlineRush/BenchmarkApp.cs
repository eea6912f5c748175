using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Infrastructure.EmbeddedPostgres;

/// <summary>The real application (Testing environment, no jobs) on Kestrel, on the throw-away database, as its own role.</summary>
public sealed class BenchmarkApp(EmbeddedPostgresServer postgres, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSolutionRelativeContentRoot("src/TrustFund.Web", "*.sln");
        builder.UseSetting("ConnectionStrings:TrustFund", postgres.ConnectionString);
        builder.UseSetting("ConnectionStrings:TrustFundMigrations", postgres.MigrationsConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedOnStartup", "true");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Outbox:RunDispatcher", "false");
        builder.UseSetting("Security:LoginAttemptsPerMinute", "100000");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        // Plain http on loopback, where a TLS proxy would stand in production: cookies go back over http here, as they
        // do behind the proxy over https (outside Development they are marked Secure, which a client keeps from http).
        builder.ConfigureServices(s => s.PostConfigure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest));
        if (services is not null) builder.ConfigureServices(services);
        UseKestrel(0);
    }
}
