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
        // Validators hold only their rules, built once: FluentValidation validators are thread-safe, and building the rules'
        // expression trees again for every command (every autosave) is wasted work. None takes a service; one that ever
        // needs a scoped service (the DbContext) must not be a singleton (Development's scope validation refuses it).
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<AuditContext>();
        services.AddScoped<Authorization.ActingUser>();
        services.AddSingleton<Authorization.RecordOwners>();
        services.AddSingleton<AuditingInterceptor>();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<Identity.IdentityLookup>();
        services.AddScoped<Notifier>();
        services.AddScoped<NoticeMail>();
        services.AddScoped<Features.OpenData.OpenDataText>();
        services.AddOptions<Features.OpenData.OpenDataOptions>().BindConfiguration("OpenData");
        services.AddScoped<Events.DomainEventDispatcher>();
        services.AddScoped<Behaviours.IdempotentPost>();
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Events.IDomainEventHandler).IsAssignableFrom(t)))
            services.AddScoped(typeof(Events.IDomainEventHandler), handler);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
