using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

/// <summary>
/// Every call the public may see (published ones and those that have closed since; never drafts), newest deadline
/// first, one page at a time. The read API's list of calls.
/// </summary>
public static class ListPublicCalls
{
    [AllowAnonymous]
    public sealed record Query(int Page = 1, int PageSize = PagedList<Item>.DefaultPageSize, CallStatus? Status = null)
        : IQuery<PagedList<Item>>;

    public sealed record Item(string Slug, string TitleEn, string? TitleFr, string? TitleEs, FundingWindow Window,
        decimal Envelope, decimal MinGrant, decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline,
        string TimeZoneId, CallStatus Status, DateTimeOffset? PublishedAt);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, PagedList<Item>>
    {
        public async ValueTask<PagedList<Item>> Handle(Query query, CancellationToken ct)
        {
            var calls = db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft);
            if (query.Status is { } status) calls = calls.Where(c => c.Status == status);
            return await calls.OrderByDescending(c => c.Deadline).ThenBy(c => c.Slug)
                .Select(c => new Item(c.Slug, c.Title.En, c.Title.Fr, c.Title.Es, c.Window, c.Envelope, c.MinGrant,
                    c.MaxGrant, c.MaxDurationMonths, c.Deadline, c.TimeZoneId, c.Status, c.PublishedAt))
                .ToPagedListAsync(query.Page, query.PageSize, ct);
        }
    }
}
