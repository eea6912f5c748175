using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;

namespace TrustFund.Application.Auditing;

/// <summary>
/// The audit rows of a set-based change (<c>ExecuteUpdateAsync</c>), which bypasses SaveChanges and so the
/// <see cref="AuditingInterceptor"/>: the same rows the interceptor would write (who, use case, entity, "Modified",
/// the changed properties as JSON), inserted in one statement. Call it in the transaction of the change, so that the
/// change is never committed without its trail.
/// </summary>
public static class BulkChangeAudit
{
    public sealed record Row(string EntityId, Dictionary<string, object?[]> Changes);

    public static async Task AuditModifiedAsync(this TrustFundDbContext db, ICurrentUser user, AuditContext context, DateTimeOffset at,
        string entityType, IReadOnlyCollection<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Write the audit rows of a bulk change in the change's transaction.");
        var ids = rows.Select(r => r.EntityId).ToArray();
        var changes = rows.Select(r => JsonSerializer.Serialize(r.Changes, AuditingInterceptor.Json)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (at, user_id, user_name, action, entity_type, entity_id, change, changes)
            SELECT {at}, {user.UserId}::uuid, {user.UserName}::text, {context.Action}, {entityType}, t.entity_id, 'Modified', t.changes::jsonb
            FROM unnest({ids}::text[], {changes}::text[]) AS t(entity_id, changes)
            """, ct);
    }
}
