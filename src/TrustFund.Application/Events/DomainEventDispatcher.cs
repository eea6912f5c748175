using TrustFund.Application.Data;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Events;

/// <summary>Handles one kind of domain event, in the transaction of the command that raised it.</summary>
public interface IDomainEventHandler
{
    Type EventType { get; }
    Task HandleAsync(IDomainEvent domainEvent, CancellationToken ct);
}

/// <summary>The typed base of an event handler: registered by scanning, found by the event's type.</summary>
public abstract class DomainEventHandler<TEvent> : IDomainEventHandler where TEvent : IDomainEvent
{
    public Type EventType => typeof(TEvent);
    public Task HandleAsync(IDomainEvent domainEvent, CancellationToken ct) => HandleAsync((TEvent)domainEvent, ct);
    protected abstract Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// Hands the events the tracked entities raised to their handlers, until none is left (a handler may change entities
/// that raise more). Called by the transaction behaviour after the command's handler, before the one save and commit.
/// </summary>
public sealed class DomainEventDispatcher(TrustFundDbContext db, IEnumerable<IDomainEventHandler> handlers)
{
    public async Task DispatchAsync(CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            var raised = db.ChangeTracker.Entries<Entity>().SelectMany(e => e.Entity.TakeDomainEvents()).ToList();
            if (raised.Count == 0) return;
            if (round == 10) throw new InvalidOperationException("Domain events keep raising each other: " + string.Join(", ", raised.Select(e => e.GetType().Name)));
            var byEvent = handlers.ToLookup(h => h.EventType);
            foreach (var domainEvent in raised)
                foreach (var handler in byEvent[domainEvent.GetType()])
                    await handler.HandleAsync(domainEvent, ct);
        }
    }
}
