using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Infrastructure.Database;
using TrustFund.Infrastructure.Jobs;
using TrustFund.Infrastructure.Seeding;
using Hangfire;

namespace TrustFund.Web.Hosting;

public static class DatabaseSetup
{
    public static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>
    /// Applies the migrations and installs Hangfire's tables as the schema's owner, never as the application's role
    /// (which may not create or alter anything), then grants the application's role what Hangfire needs.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        var owner = services.GetRequiredService<DatabaseConnections>().Migrations
            ?? throw new InvalidOperationException(
                "ConnectionStrings:TrustFundMigrations is not set. Migrations run as the role that owns the schema, never " +
                "as the application's role: set it (for example the environment variable ConnectionStrings__TrustFundMigrations).");
        var options = new DbContextOptionsBuilder<TrustFundDbContext>()
            .UseNpgsql(owner, npgsql => npgsql.MigrationsAssembly("TrustFund.Migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using (var db = new TrustFundDbContext(options)) await db.Database.MigrateAsync();
        await HangfireSchema.InstallAsync(owner);
    }

    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(IServiceProvider services, bool includeDemo)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(SeedsDirectory);
        if (!includeDemo) return [];
        var password = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Demo:Password"];
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Demo:Password must be set to seed the demo accounts.");
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(SeedsDirectory, password);
    }

    public static async Task PrepareAtStartupAsync(WebApplication app)
    {
        var config = app.Configuration;
        if (config.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment())) await MigrateAsync(app.Services);
        if (config.GetValue("Database:SeedOnStartup", app.Environment.IsDevelopment()))
        {
            var accounts = await SeedAsync(app.Services, includeDemo: app.Environment.IsDevelopment());
            PrintDemoAccounts(accounts, config["Demo:Password"]);
        }
        if (config.GetValue("Hangfire:RunServer", false))
            RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
        await WarmPoolAsync(app);
    }

    /// <summary>
    /// Fills the pool to its minimum before the first request, so a burst of sign-ins meets open connections. A database
    /// that is not there yet is no reason not to start: requests then answer 503 until it is.
    /// </summary>
    private static async Task WarmPoolAsync(WebApplication app)
    {
        try
        {
            await DatabaseResilience.WarmPoolAsync(app.Services.GetRequiredService<ApplicationConnectionString>().Value);
        }
        catch (Npgsql.NpgsqlException e)
        {
            app.Logger.LogWarning(e, "Could not warm the database connection pool at start-up.");
        }
    }

    private static void PrintDemoAccounts(IReadOnlyList<DemoAccount> accounts, string? password)
    {
        if (accounts.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"Demo accounts (password: {password}):");
        foreach (var account in accounts) Console.WriteLine($"  {account.Email,-40} {account.Roles}");
        Console.WriteLine();
    }
}
