using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Calls;

/// <summary>
/// Every call, drafts included, for the secretariat; newest deadline first. The title in its three languages: the page
/// shows the reader's (English where the call has no translation).
/// </summary>
public static class ListCallsForManagement
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(CallStatus? Status = null) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Slug, LocalizedText Title, FundingWindow Window, decimal Envelope,
        DateTimeOffset Deadline, string TimeZoneId, CallStatus Status);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var calls = db.Calls.AsNoTracking();
            if (query.Status is { } status) calls = calls.Where(c => c.Status == status);
            return await calls.OrderByDescending(c => c.Deadline)
                .Select(c => new Item(c.Id, c.Slug, new LocalizedText(c.Title.En, c.Title.Fr, c.Title.Es), c.Window, c.Envelope, c.Deadline, c.TimeZoneId, c.Status))
                .ToListAsync(ct);
        }
    }
}
