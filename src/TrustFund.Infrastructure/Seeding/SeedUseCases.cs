using System.Reflection;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Authorization;
using TrustFund.Application.Behaviours;
using TrustFund.Application.Data;
using TrustFund.Application.Events;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>
/// Runs a real use case's handler for the demo history: as a named person (the use cases read who acts from
/// <see cref="ICurrentUser"/>) and at a moment in the past (they read the time from <see cref="TimeProvider"/>).
/// The handler is the one the pages use, built with the scope's other services, so every rule, every status change and
/// every journal entry comes from the same code; only the clock and the actor are the demo's. Each command gets a
/// fresh scope (its own DbContext), as a request would, the request's declaration checked for the actor
/// (AuthorizationBehaviour: the demo's people do only what they may) and the pipeline's unit of work
/// (TransactionBehaviour: the transaction, the domain events' handlers, built with the same clock and actor, the save).
/// The pipeline's validation is not run: the demo's input is fixed.
/// </summary>
public sealed class SeedUseCases(IServiceScopeFactory scopes)
{
    public async Task<TResult> Run<TResult>(ICommand<TResult> command, DateTimeOffset at, SeedActor actor, CancellationToken ct)
    {
        var handlerType = command.GetType().DeclaringType?.GetNestedType("Handler")
            ?? throw new InvalidOperationException($"{command.GetType().FullName} has no Handler beside it.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "SeedDemoData";
        var clock = new SeedClock(at);
        object Build(Type type)
        {
            var constructor = type.GetConstructors().Single();
            return constructor.Invoke(constructor.GetParameters().Select(p =>
                p.ParameterType == typeof(TimeProvider) ? clock
                : p.ParameterType == typeof(ICurrentUser) ? actor
                : scope.ServiceProvider.GetRequiredService(p.ParameterType)).ToArray());
        }
        var handler = Build(handlerType);
        var eventHandlers = scope.ServiceProvider.GetServices<IDomainEventHandler>().Select(h => (IDomainEventHandler)Build(h.GetType())).ToList();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var unitOfWork = new TransactionBehaviour<ICommand<TResult>, TResult>(db, new DomainEventDispatcher(db, eventHandlers),
            scope.ServiceProvider.GetRequiredService<IdempotentPost>());
        var authorization = new AuthorizationBehaviour<ICommand<TResult>, TResult>(actor, db, scope.ServiceProvider.GetRequiredService<RecordOwners>());
        return await authorization.Handle(command, (checkedCommand, checkedToken) => unitOfWork.Handle(checkedCommand, async (message, token) =>
        {
            try
            {
                return await (ValueTask<TResult>)handlerType.GetMethod("Handle", [command.GetType(), typeof(CancellationToken)])!
                    .Invoke(handler, [message, token])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }, checkedToken), ct);
    }

    /// <summary>The scope-bound services a domain step needs (a DbContext, with the audit action set).</summary>
    public async Task InScope(Func<IServiceProvider, Task> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "SeedDemoData";
        await step(scope.ServiceProvider);
    }

    private sealed class SeedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}

/// <summary>Who acts in a demo step: a demo account with its roles (and organisation, for an NGO user).</summary>
public sealed record SeedActor(Guid? UserId, string? UserName, Guid? OrganisationId, IReadOnlyCollection<string> Roles) : ICurrentUser
{
    /// <summary>The system, as a scheduled job acts (see Application's SystemUser).</summary>
    public static readonly SeedActor System = new(null, null, null, [Application.Identity.Roles.System]);

    public bool IsInRole(string role) => Roles.Contains(role);
}
