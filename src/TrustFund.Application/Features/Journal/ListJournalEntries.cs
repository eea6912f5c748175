using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Journal;

/// <summary>The journal in booking order, filtered by value-date period, donor and event type; paged, or whole as CSV.</summary>
public static class ListJournalEntries
{
    public const int PageSize = 50;

    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, Guid? DonorId = null, JournalEventType? EventType = null);

    [Authorize(Roles.FundManager)]
    public sealed record Query(Filter Filter, int Page = 1) : IQuery<Result>;

    [Authorize(Roles.FundManager)]
    public sealed record ExportQuery(Filter Filter) : IQuery<CsvExport>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(long Id, DateTimeOffset RecordedAt, string RecordedBy, JournalEventType EventType,
        JournalEventType? ReversedEventType, long? ReversedEntryId, string? Reason, DateOnly ValueDate, decimal Amount,
        string Currency, decimal Rate, decimal UsdAmount, string DocumentType, Guid? DocumentId, string? DocumentReference,
        Guid? DonorId, string? Donor);

    internal static IQueryable<Item> Items(TrustFundDbContext db, Filter filter)
    {
        var entries = db.JournalEntries.AsNoTracking();
        if (filter.From is { } from) entries = entries.Where(j => j.ValueDate >= from);
        if (filter.To is { } to) entries = entries.Where(j => j.ValueDate <= to);
        if (filter.DonorId is { } donor) entries = entries.Where(j => j.DonorId == donor);
        if (filter.EventType is { } type) entries = entries.Where(j => j.EventType == type);
        return from j in entries
            join d in db.Donors on j.DonorId equals (Guid?)d.Id into donors
            from d in donors.DefaultIfEmpty()
            orderby j.Id
            select new Item(j.Id, j.RecordedAt, j.RecordedBy, j.EventType, j.ReversedEventType, j.ReversedEntryId, j.Reason,
                j.ValueDate, j.Amount, j.Currency, j.Rate, j.UsdAmount, j.DocumentType, j.DocumentId, j.DocumentReference,
                j.DonorId, d == null ? null : d.Name);
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var items = Items(db, query.Filter);
            var total = await items.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            return new Result(await items.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), page, total);
        }
    }

    public sealed class ExportHandler(TrustFundDbContext db) : IQueryHandler<ExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(ExportQuery query, CancellationToken ct)
        {
            var items = await Items(db, query.Filter).ToListAsync(ct);
            return CsvExport.Build("journal.csv",
                ["entry", "recorded_at", "recorded_by", "event_type", "reverses_entry", "reversed_event_type", "reason", "value_date",
                 "amount", "currency", "rate", "usd_amount", "document_type", "document_id", "document_reference", "donor_id", "donor"],
                items.Select(i => (IReadOnlyList<object?>)[i.Id, i.RecordedAt, i.RecordedBy, i.EventType.ToString(), i.ReversedEntryId,
                    i.ReversedEventType?.ToString(), i.Reason, i.ValueDate, i.Amount, i.Currency, i.Rate, i.UsdAmount, i.DocumentType,
                    i.DocumentId, i.DocumentReference, i.DonorId, i.Donor]));
        }
    }
}
