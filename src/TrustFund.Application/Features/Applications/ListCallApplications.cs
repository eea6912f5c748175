using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The secretariat's list of a call's submitted applications: filtered by status, country, regional group and
/// amount, sorted, paged (or all rows, for the CSV download). Drafts stay private to their organisation.
/// </summary>
public static class ListCallApplications
{
    public const int PageSize = 50;

    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<Result>
    {
        public ApplicationStatus? Status { get; init; }
        public string? Country { get; init; }
        public string? RegionalGroup { get; init; }
        public decimal? MinAmount { get; init; }
        public decimal? MaxAmount { get; init; }
        public string Sort { get; init; } = "reference";
        public bool Descending { get; init; }
        public int Page { get; init; } = 1;
        public bool All { get; init; }
    }

    public sealed record Item(Guid Id, string ReferenceNumber, string Organisation, string CountryIso2, string? RegionalGroupCode,
        string ProjectTitle, decimal RequestedAmount, ApplicationStatus Status, DateTimeOffset SubmittedAt, int FailedChecks);

    public sealed record Result(LocalizedText CallTitle, FundingWindow Window, IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CallId, ct)
                ?? throw new NotFoundException("call", query.CallId);
            var rows = from a in db.Applications.AsNoTracking()
                       join o in db.Organisations on a.OrganisationId equals o.Id
                       join c in db.Countries on o.CountryIso2 equals c.Iso2
                       where a.CallId == query.CallId && a.Status != ApplicationStatus.Draft
                       select new { a, o, c, Amount = EF.Property<decimal>(a, "RequestedTotal") };
            if (query.Status is { } status) rows = rows.Where(x => x.a.Status == status);
            if (!string.IsNullOrWhiteSpace(query.Country)) rows = rows.Where(x => x.o.CountryIso2 == query.Country);
            if (!string.IsNullOrWhiteSpace(query.RegionalGroup)) rows = rows.Where(x => x.c.RegionalGroupCode == query.RegionalGroup);
            if (query.MinAmount is { } min) rows = rows.Where(x => x.Amount >= min);
            if (query.MaxAmount is { } max) rows = rows.Where(x => x.Amount <= max);

            rows = (query.Sort, query.Descending) switch
            {
                ("amount", false) => rows.OrderBy(x => x.Amount).ThenBy(x => x.a.ReferenceNumber),
                ("amount", true) => rows.OrderByDescending(x => x.Amount).ThenBy(x => x.a.ReferenceNumber),
                ("organisation", false) => rows.OrderBy(x => x.o.LegalName),
                ("organisation", true) => rows.OrderByDescending(x => x.o.LegalName),
                ("country", false) => rows.OrderBy(x => x.o.CountryIso2).ThenBy(x => x.a.ReferenceNumber),
                ("country", true) => rows.OrderByDescending(x => x.o.CountryIso2).ThenBy(x => x.a.ReferenceNumber),
                ("submitted", false) => rows.OrderBy(x => x.a.SubmittedAt),
                ("submitted", true) => rows.OrderByDescending(x => x.a.SubmittedAt),
                (_, true) => rows.OrderByDescending(x => x.a.ReferenceNumber),
                _ => rows.OrderBy(x => x.a.ReferenceNumber),
            };

            var total = await rows.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var pageRows = query.All ? rows : rows.Skip((page - 1) * PageSize).Take(PageSize);
            // Only the columns the list shows: the draft's other sections (budget, history...) stay in the database.
            var items = (await pageRows.Select(x => new
                {
                    x.a.Id, x.a.ReferenceNumber, x.o.LegalName, x.o.CountryIso2, x.c.RegionalGroupCode, x.a.Project, x.Amount, x.a.Status,
                    x.a.SubmittedAt, x.a.EligibilityChecks,
                }).ToListAsync(ct))
                .Select(x => new Item(x.Id, x.ReferenceNumber!, x.LegalName, x.CountryIso2, x.RegionalGroupCode, x.Project.Title,
                    x.Amount, x.Status, x.SubmittedAt!.Value, x.EligibilityChecks.Count(e => !e.Passed)))
                .ToList();
            return new Result(call.Title, call.Window, items, page, total);
        }
    }
}
