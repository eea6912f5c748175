using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.ExchangeRates;

/// <summary>The UNORE table, newest month first, filtered by currency and month, paged.</summary>
public static class ListUnoreRates
{
    public const int PageSize = 100;

    [Authorize(Roles.FundManager)]
    public sealed record Query(string? Currency = null, int? Year = null, int? Month = null, int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(string Currency, DateOnly EffectiveFrom, decimal UnitsPerUsd, UnoreRateSource Source, DateTimeOffset CreatedAt);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var rates = db.UnoreRates.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Currency)) rates = rates.Where(r => r.Currency == query.Currency.Trim().ToUpper());
            // A month outside the calendar filters nothing; its last month (9999-12, typed in the address) has no month after it.
            if (query.Year is { } year && query.Month is { } month && year is >= 1 and <= 9999 && month is >= 1 and <= 12)
            {
                var first = new DateOnly(year, month, 1);
                rates = rates.Where(r => r.EffectiveFrom >= first);
                if (first < new DateOnly(9999, 12, 1))
                {
                    var next = first.AddMonths(1);
                    rates = rates.Where(r => r.EffectiveFrom < next);
                }
            }
            var total = await rates.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var items = await rates.OrderByDescending(r => r.EffectiveFrom).ThenBy(r => r.Currency)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(r => new Item(r.Currency, r.EffectiveFrom, r.UnitsPerUsd, r.Source, r.CreatedAt))
                .ToListAsync(ct);
            return new Result(items, page, total);
        }
    }
}
