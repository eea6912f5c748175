namespace TrustFund.Domain.Common;

/// <summary>Every aggregate has a stable, client-generated identifier so that it can be referenced before it is saved.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
