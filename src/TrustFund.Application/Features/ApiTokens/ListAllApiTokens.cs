using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.ApiTokens;

/// <summary>
/// Every person's API tokens that still work, for an administrator to review and revoke (a leaked token, a person who
/// left). Newest first; the secret is never stored, so it is never shown.
/// </summary>
public static class ListAllApiTokens
{
    [Authorize(Roles.Admin)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Owner, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            if (!user.IsInRole(Roles.Admin)) return [];
            var now = clock.GetUtcNow();
            return await db.ApiTokens.AsNoTracking()
                .Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t, u.Email })
                .OrderByDescending(x => x.t.CreatedAt).ThenByDescending(x => x.t.Id)
                .Select(x => new Item(x.t.Id, x.Email ?? "", x.t.Name, x.t.CreatedAt, x.t.ExpiresAt, x.t.LastUsedAt))
                .ToListAsync(ct);
        }
    }
}
