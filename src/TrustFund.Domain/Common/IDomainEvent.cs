namespace TrustFund.Domain.Common;

/// <summary>
/// Something that happened to an entity which other parts of the fund react to (the journal, notices): raised by the
/// entity's own method, handled in the same transaction by the command pipeline, so the change and its consequences
/// commit together or not at all.
/// </summary>
public interface IDomainEvent;
