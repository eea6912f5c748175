namespace TrustFund.Domain.Common;

/// <summary>Every aggregate has a stable, client-generated identifier so that it can be referenced before it is saved.</summary>
public abstract class Entity
{
    // A field and methods, not a property: EF Core maps properties, and the events are never stored.
    private List<IDomainEvent>? _domainEvents;

    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);

    /// <summary>The events raised since the last call, handed over once: the pipeline dispatches each exactly once.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        if (_domainEvents is not { Count: > 0 } events) return [];
        _domainEvents = null;
        return events;
    }
}
