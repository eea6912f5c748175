using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The real application (Testing environment, no jobs) on Kestrel, on the throw-away database.</summary>
public sealed class BenchmarkApp(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSolutionRelativeContentRoot("src/TrustFund.Web", "*.sln");
        builder.UseSetting("ConnectionStrings:TrustFund", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedOnStartup", "true");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Outbox:RunDispatcher", "false");
        builder.UseSetting("Security:LoginAttemptsPerMinute", "100000");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (Environment.GetEnvironmentVariable("RUSH_PROFILE") == "1")
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, NameRequestKinds>());
        UseKestrel(0);
    }
}

/// <summary>Tags each request's activity with its kind, for <see cref="RequestProfile"/>.</summary>
internal sealed class NameRequestKinds : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            System.Diagnostics.Activity.Current?.SetTag(RequestProfile.KindTag,
                RequestProfile.KindOf(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? ""));
            return following(context);
        });
        next(app);
    };
}
