using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Messaging;

namespace TrustFund.Application;

public static class DependencyInjection
{
    /// <summary>Registers what the use cases need besides the DbContext (which the host configures).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditingInterceptor>();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<Identity.IdentityLookup>();
        services.AddScoped<Notifier>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
