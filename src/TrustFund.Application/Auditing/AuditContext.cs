namespace TrustFund.Application.Auditing;

/// <summary>Names the use case running in this scope, so every audit row says why a change was made.</summary>
public sealed class AuditContext
{
    public string Action { get; set; } = "System";
}
