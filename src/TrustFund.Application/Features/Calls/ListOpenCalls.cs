using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

/// <summary>The public home page: calls that accept applications now, the nearest deadline first.</summary>
public static class ListOpenCalls
{
    [AllowAnonymous]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Slug, string TitleEn, string? TitleFr, string? TitleEs, FundingWindow Window,
        decimal MaxGrant, decimal Envelope, DateTimeOffset Deadline, string TimeZoneId);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            return await db.Calls.AsNoTracking()
                .Where(c => c.Status == CallStatus.Published && c.Deadline > now)
                .OrderBy(c => c.Deadline).ThenBy(c => c.Slug)
                .Select(c => new Item(c.Id, c.Slug, c.Title.En, c.Title.Fr, c.Title.Es, c.Window, c.MaxGrant, c.Envelope,
                    c.Deadline, c.TimeZoneId))
                .ToListAsync(ct);
        }
    }
}
