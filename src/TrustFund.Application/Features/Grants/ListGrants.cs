using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>The grants, filtered by signature period and status; paged, or whole as CSV for the UN's ERP.</summary>
public static class ListGrants
{
    public const int PageSize = 50;

    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, GrantStatus? Status = null);

    [Authorize(Roles.FundManager)]
    public sealed record Query(Filter Filter, int Page = 1) : IQuery<Result>;

    [Authorize(Roles.FundManager)]
    public sealed record ExportQuery(Filter Filter) : IQuery<CsvExport>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(Guid Id, string ReferenceNumber, string Grantee, GrantStatus Status, decimal Amount, DateOnly StartDate,
        DateOnly EndDate, DateTimeOffset? SignedAt, bool AuditRequired, int Amendments, GrantBalance Balance, decimal EarmarkedUsd);

    private static IQueryable<GrantAgreement> Matching(TrustFundDbContext db, Filter filter)
    {
        var grants = db.GrantAgreements.AsNoTracking();
        // The period is the signature date (the obligation's value date); drafts have none and match only without a period.
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            grants = grants.Where(g => g.SignedAt >= start);
        }
        // The period ends after the day "to" names; the calendar's last day (9999-12-31, typed in an address) has no day
        // after it, so it leaves out only the drafts.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            grants = grants.Where(g => g.SignedAt < end);
        }
        else if (filter.To is not null) grants = grants.Where(g => g.SignedAt != null);
        if (filter.Status is { } status) grants = grants.Where(g => g.Status == status);
        return grants.OrderByDescending(g => g.CreatedAt).ThenBy(g => g.ReferenceNumber);
    }

    private static async Task<List<Item>> Items(TrustFundDbContext db, IQueryable<GrantAgreement> grants, CancellationToken ct)
    {
        var rows = await grants.ToListAsync(ct);
        var balances = await db.GrantBalancesAsync(grants.Select(g => g.Id), ct);
        // Earmarked contributions allocated to each grant and not withdrawn: a designation, outside the journal's balances.
        var earmarked = await db.EarmarkAllocations.AsNoTracking()
            .Where(a => a.WithdrawnAt == null && grants.Select(g => g.Id).Contains(a.GrantId))
            .GroupBy(a => a.GrantId)
            .Select(g => new { GrantId = g.Key, Usd = g.Sum(a => a.UsdAmount) })
            .ToDictionaryAsync(x => x.GrantId, x => x.Usd, ct);
        return rows.Select(g => new Item(g.Id, g.ReferenceNumber, g.Grantee, g.Status, g.Amount, g.StartDate, g.EndDate, g.SignedAt,
            g.AuditRequired, g.Amendments.Count, balances.GetValueOrDefault(g.Id) ?? GrantBalance.Zero,
            earmarked.GetValueOrDefault(g.Id) + 0.00m)).ToList();
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var grants = Matching(db, query.Filter);
            var total = await grants.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            return new Result(await Items(db, grants.Skip((page - 1) * PageSize).Take(PageSize), ct), page, total);
        }
    }

    public sealed class ExportHandler(TrustFundDbContext db) : IQueryHandler<ExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(ExportQuery query, CancellationToken ct)
        {
            var items = await Items(db, Matching(db, query.Filter), ct);
            return CsvExport.Build("grants.csv",
                ["grant_id", "reference", "grantee", "status", "amount_usd", "start_date", "end_date", "signed_at", "audit_required",
                 "amendments", "obligated_usd", "disbursed_usd", "psc_usd", "refunded_usd", "released_usd", "open_obligation_usd",
                 "earmarked_funding_usd"],
                items.Select(i => (IReadOnlyList<object?>)[i.Id, i.ReferenceNumber, i.Grantee, i.Status.ToString(), i.Amount, i.StartDate,
                    i.EndDate, i.SignedAt, i.AuditRequired, i.Amendments, i.Balance.Obligated, i.Balance.Disbursed, i.Balance.Psc,
                    i.Balance.Refunded, i.Balance.Released, i.Balance.OpenObligation, i.EarmarkedUsd]));
        }
    }
}
