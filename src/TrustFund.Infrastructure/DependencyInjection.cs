using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using TrustFund.Infrastructure.DataProtection;
using TrustFund.Infrastructure.Database;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Data;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Jobs;
using TrustFund.Infrastructure.Reports;
using TrustFund.Infrastructure.Seeding;

namespace TrustFund.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration,
        string connectionString)
    {
        connectionString = DatabaseResilience.WithPoolSettings(connectionString, configuration);
        services.AddSingleton(new ApplicationConnectionString(connectionString));
        var maxRetryCount = DatabaseResilience.MaxRetryCount(configuration);
        var maxRetryDelay = DatabaseResilience.MaxRetryDelay(configuration);
        services.AddPooledDbContextFactory<TrustFundDbContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("TrustFund.Migrations")
                // Every command runs inside this strategy (TransactionBehaviour); reads outside commands are retried alone.
                .EnableRetryOnFailure(maxRetryCount, maxRetryDelay, DatabaseResilience.RetriedErrorCodes))
            .UseSnakeCaseNamingConvention()
            // Interceptors registered as IInterceptor join the audit one: none in production; the tests add a fault there.
            .AddInterceptors([provider.GetRequiredService<AuditingInterceptor>(), .. provider.GetServices<IInterceptor>()]));
        // One context per scope, from the pool (returned when the scope ends), told who acts and in which use case.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TrustFundDbContext>>().CreateDbContext()
            .ActingFor(provider.GetService<ICurrentUser>(), provider.GetService<AuditContext>()));

        services.AddDataProtection().SetApplicationName("TrustFund");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));

        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddScoped<OutboxDispatcher>();
        if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"])) services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        else services.AddSingleton<IMailTransport, SmtpMailTransport>();
        if (configuration.GetValue("Outbox:RunDispatcher", true)) services.AddHostedService<OutboxDispatcherService>();

        services.AddSingleton<TrustFund.Application.Reports.IReportRenderer, ReportRenderer>();

        services.AddScoped<RoleSeeder>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = HangfireSchema.Name, PrepareSchemaIfNecessary = false }));
        if (configuration.GetValue("Hangfire:RunServer", false))
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(2, configuration.GetValue("Hangfire:WorkerCount", 4));
                o.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Hangfire:SchedulePollingSeconds", 15)));
            });
        services.AddScoped<SystemSender>();
        services.AddScoped<CloseDueCallsJob>();
        services.AddScoped<ForgetFormAnswersJob>();
        services.AddScoped<NotificationJobs>();
        services.AddScoped<TrustFund.Application.Abstractions.ICallClosingScheduler, HangfireCallClosingScheduler>();
        services.AddScoped<TrustFund.Application.Abstractions.IFailedJobs, HangfireFailedJobs>();
        services.AddScoped<AuditorDossierJob>();
        services.AddScoped<TrustFund.Application.Features.AuditorDossiers.IAuditorDossierQueue, HangfireAuditorDossierQueue>();
        return services;
    }
}
