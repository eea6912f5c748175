using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Auditing;
using TrustFund.Domain.Messaging;

namespace TrustFund.Application.Auditing;

/// <summary>
/// Adds one <see cref="AuditEntry"/> per changed entity to the same SaveChanges, hence the same transaction:
/// a change is never committed without its trail, and a failed change leaves none.
/// </summary>
/// <remarks>
/// One for the process, as the context's options are: who acts and in which use case come with the context saving
/// (<see cref="TrustFundDbContext.Actor"/>, <see cref="TrustFundDbContext.UseCase"/>).
/// </remarks>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and churn that must never be copied into the trail. TokenHash is the SHA-256 of a 256-bit random API
    // token, useless to an attacker, but it has no business in a trail that many people read.
    private static readonly HashSet<string> HiddenProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "xmin", "TokenHash"];

    // Texts about victims (a grantee's narrative report, its case stories included; an application's project narrative:
    // context, activities, risks, survivors' involvement) are saved on every step and every 30-second autosave; a name
    // typed by mistake and deleted must not stay in a trail kept for ever. The trail records that such a property changed
    // and the SHA-256 of its stored form, which proves what version was saved without holding its words.
    private static readonly HashSet<(Type Entity, string Property)> HashedProperties =
    [
        (typeof(Domain.Grants.GrantReport), nameof(Domain.Grants.GrantReport.Narrative)),
        (typeof(Domain.Applications.GrantApplication), nameof(Domain.Applications.GrantApplication.Project)),
    ];

    // Enums by name: an auditor reads "Published", not 1. Shared with BulkChangeAudit, so bulk rows read the same.
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) AddEntries(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) AddEntries(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void AddEntries(DbContext db)
    {
        var (user, action) = db is TrustFundDbContext context ? (context.Actor, context.UseCase) : (null, "System");
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // The journal is its own trail (who, when, document) and its running number is only known after the insert.
            .Where(e => e.Entity is not AuditEntry and not OutboxEmail and not IdentityUserToken<Guid> and not Domain.Security.DataProtectionKey
                and not Domain.Finance.JournalEntry and not Notification)
            .Where(e => !e.Metadata.IsOwned())
            .ToList();

        foreach (var entry in entries)
        {
            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            db.Add(new AuditEntry(now, user?.UserId, user?.UserName, action, entry.Metadata.ClrType.Name,
                KeyOf(entry), entry.State.ToString(), JsonSerializer.Serialize(changes, Json)));
        }
    }

    /// <summary>"sha256:" and the hash of the value as stored (its JSON for a value object), or null for no value.</summary>
    private static string? Hash(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object? value)
    {
        if (value is null) return null;
        var stored = property.GetValueConverter()?.ConvertToProvider(value) ?? value;
        var bytes = System.Text.Encoding.UTF8.GetBytes(Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            if (HiddenProperties.Contains(property.Metadata.Name)) continue;
            // File contents (issued PDFs) are kept once, in their own table; the trail keeps their hash instead.
            if (property.Metadata.ClrType == typeof(byte[])) continue;
            var hashed = HashedProperties.Contains((entry.Metadata.ClrType, property.Metadata.Name));
            object? Value(object? value) => hashed ? Hash(property.Metadata, value) : value;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = [null, Value(property.CurrentValue)];
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = [Value(property.OriginalValue), null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = [Value(property.OriginalValue), Value(property.CurrentValue)];
                    break;
            }
        }

        // Owned values (translated texts) travel with their owner.
        foreach (var reference in entry.References.Where(r => r.TargetEntry is { } t && t.Metadata.IsOwned()))
        {
            var target = reference.TargetEntry!;
            foreach (var property in target.Properties.Where(p => !p.Metadata.IsKey()))
            {
                var name = $"{reference.Metadata.Name}.{property.Metadata.Name}";
                if (target.State == EntityState.Added || entry.State == EntityState.Added)
                    changes[name] = [null, property.CurrentValue];
                else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    changes[name] = [property.OriginalValue, property.CurrentValue];
            }
        }
        return changes;
    }
}
