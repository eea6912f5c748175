using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Features.Reports;

/// <summary>Issued reports the asker may see, newest first, one page at a time.</summary>
public static class ListIssuedReports
{
    [Authorize(Roles.FundManager)]
    // Any donor user: the handler lists only their own donor's reports (none for an account not yet linked to a donor).
    [Authorize(Roles.Donor)]
    public sealed record Query(int Page = 1, int PageSize = PagedList<Item>.DefaultPageSize, ReportKind? Kind = null)
        : IQuery<PagedList<Item>>;

    public sealed record Item(Guid Id, ReportKind Kind, string Title, DateTimeOffset IssuedAt, string? IssuedBy,
        int SizeBytes, string Sha256, Guid? DonorId, string? DonorName);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, PagedList<Item>>
    {
        public async ValueTask<PagedList<Item>> Handle(Query query, CancellationToken ct)
        {
            var reports = await ReportVisibility.VisibleReports(db, user, ct);
            if (query.Kind is { } kind) reports = reports.Where(r => r.Kind == kind);
            return await reports.OrderByDescending(r => r.IssuedAt).ThenBy(r => r.Id)
                .Select(r => new Item(r.Id, r.Kind, r.Title, r.IssuedAt, r.IssuedByName, r.SizeBytes, r.Sha256, r.DonorId,
                    db.Donors.Where(d => d.Id == r.DonorId).Select(d => d.Name).FirstOrDefault()))
                .ToPagedListAsync(query.Page, query.PageSize, ct);
        }
    }
}
