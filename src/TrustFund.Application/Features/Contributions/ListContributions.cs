using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Contributions;

/// <summary>Receipts by value date, filtered by period and donor, paged; or all of them as CSV for the UN's ERP.</summary>
public static class ListContributions
{
    public const int PageSize = 50;

    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, Guid? DonorId = null);

    [Authorize(Roles.FundManager)]
    public sealed record Query(Filter Filter, int Page = 1) : IQuery<Result>;

    [Authorize(Roles.FundManager)]
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
        // Filter and order on the tables; EF cannot translate a filter on a record built by a constructor.
        var receipts = db.ContributionReceipts.AsNoTracking();
        if (filter.From is { } from) receipts = receipts.Where(r => r.ValueDate >= from);
        if (filter.To is { } to) receipts = receipts.Where(r => r.ValueDate <= to);
        var pledges = db.Pledges.AsNoTracking();
        if (filter.DonorId is { } donor) pledges = pledges.Where(p => p.DonorId == donor);
        return from r in receipts
            join p in pledges on r.PledgeId equals p.Id
            join d in db.Donors on p.DonorId equals d.Id
            orderby r.ValueDate descending, r.RecordedAt descending
            select new Item(r.Id, r.ValueDate, d.Id, d.Name, r.Amount, r.Currency, r.UnitsPerUsd, r.UsdAmount, r.BankReference,
                p.IsEarmarked, p.EarmarkPurpose, p.Id, r.RecordedBy, r.RecordedAt, r.ReversedAt, r.ReversalReason);
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var items = Items(db, query.Filter);
            var total = await items.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            return new Result(await items.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), page, total,
                await NetReceivedUsd(query.Filter, ct));
        }

        /// <summary>The total shown is the journal's: receipts and reversals booked in the period (a reversal is dated when it was made).</summary>
        private async Task<decimal> NetReceivedUsd(Filter filter, CancellationToken ct)
        {
            var entries = db.ContributionEntries();
            if (filter.From is { } from) entries = entries.Where(j => j.ValueDate >= from);
            if (filter.To is { } to) entries = entries.Where(j => j.ValueDate <= to);
            if (filter.DonorId is { } donor) entries = entries.Where(j => j.DonorId == donor);
            return await entries.SumAsync(j => j.UsdAmount, ct);
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
