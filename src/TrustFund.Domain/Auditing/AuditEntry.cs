namespace TrustFund.Domain.Auditing;

/// <summary>One change to one entity, written in the same transaction as the change. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? userId, string? userName, string action, string entityType,
        string entityId, string change, string changes)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Change = change;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>Kept as text so the trail still reads right after the account is renamed or removed.</summary>
    public string? UserName { get; private set; }

    /// <summary>The use case that made the change, e.g. PublishCall, or "System" for seeding and jobs.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";

    /// <summary>Added, Modified or Deleted.</summary>
    public string Change { get; private set; } = "";

    /// <summary>JSON of the changed properties: {"Status": ["Draft", "Published"]}.</summary>
    public string Changes { get; private set; } = "";
}
