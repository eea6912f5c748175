using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;

namespace TrustFund.Application.Features.Contributions;

/// <summary>Receipts by value date, filtered by period and donor, paged; or all of them as CSV for the UN's ERP.</summary>
public static class ListContributions
{
    public const int PageSize = 50;

    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, Guid? DonorId = null);

    public sealed record Query(Filter Filter, int Page = 1) : IQuery<Result>;

    public sealed record ExportQuery(Filter Filter) : IQuery<CsvExport>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount, decimal TotalUsd)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(Guid Id, DateOnly ValueDate, Guid DonorId, string Donor, decimal Amount, string Currency,
        decimal UnitsPerUsd, decimal UsdAmount, string BankReference, bool IsEarmarked, string? EarmarkPurpose, Guid PledgeId,
        string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? ReversedAt, string? ReversalReason);

    internal static IQueryable<Item> Items(TrustFundDbContext db, Filter filter)
    {
        var items =
            from r in db.ContributionReceipts.AsNoTracking()
            join p in db.Pledges on r.PledgeId equals p.Id
            join d in db.Donors on p.DonorId equals d.Id
            select new Item(r.Id, r.ValueDate, d.Id, d.Name, r.Amount, r.Currency, r.UnitsPerUsd, r.UsdAmount, r.BankReference,
                p.IsEarmarked, p.EarmarkPurpose, p.Id, r.RecordedBy, r.RecordedAt, r.ReversedAt, r.ReversalReason);
        if (filter.From is { } from) items = items.Where(i => i.ValueDate >= from);
        if (filter.To is { } to) items = items.Where(i => i.ValueDate <= to);
        if (filter.DonorId is { } donor) items = items.Where(i => i.DonorId == donor);
        return items.OrderByDescending(i => i.ValueDate).ThenByDescending(i => i.RecordedAt);
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var items = Items(db, query.Filter);
            var page = Math.Max(1, query.Page);
            var total = await items.CountAsync(ct);
            var totalUsd = await items.Where(i => i.ReversedAt == null).SumAsync(i => i.UsdAmount, ct);
            return new Result(await items.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), page, total, totalUsd);
        }
    }

    public sealed class ExportHandler(TrustFundDbContext db) : IQueryHandler<ExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(ExportQuery query, CancellationToken ct)
        {
            var items = await Items(db, query.Filter).ToListAsync(ct);
            return CsvExport.Build("contributions.csv",
                ["receipt_id", "value_date", "donor_id", "donor", "pledge_id", "earmarked", "earmark_purpose", "amount", "currency",
                 "unore_rate", "usd_amount", "bank_reference", "recorded_by", "recorded_at", "reversed_at", "reversal_reason"],
                items.Select(i => (IReadOnlyList<object?>)[i.Id, i.ValueDate, i.DonorId, i.Donor, i.PledgeId, i.IsEarmarked,
                    i.EarmarkPurpose, i.Amount, i.Currency, i.UnitsPerUsd, i.UsdAmount, i.BankReference, i.RecordedBy, i.RecordedAt,
                    i.ReversedAt, i.ReversalReason]));
        }
    }
}
