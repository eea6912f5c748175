using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.ApiTokens;

/// <summary>The signed-in person's own tokens, newest first; revoked ones stay listed so their last use can be checked.</summary>
public static class ListApiTokens
{
    [Authorize]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
        DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool IsActive);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            if (user.UserId is not { } userId) return [];
            var now = clock.GetUtcNow();
            return await db.ApiTokens.AsNoTracking()
                .Where(t => t.UserId == userId)
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                .Select(t => new Item(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
                    t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)))
                .ToListAsync(ct);
        }
    }
}
