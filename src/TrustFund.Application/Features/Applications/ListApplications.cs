using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Submitted applications across calls, for the secretariat (an organisation's users see only their own; drafts are
/// never listed): a page for the read API, every one as CSV, and the beneficiary targets as CSV (counts only).
/// </summary>
public static class ListApplications
{
    public const int MaxPageSize = 100;

    public sealed record Filter(Guid? CallId = null, ApplicationStatus? Status = null);

    [Authorize(Roles.FundManager)]
    public sealed record Query(Filter Filter, int Page = 1, int PageSize = 50) : IQuery<PagedList<Item>>;

    [Authorize(Roles.FundManager)]
    public sealed record ExportQuery(Filter Filter) : IQuery<CsvExport>;

    [Authorize(Roles.FundManager)]
    public sealed record BeneficiariesExportQuery(Filter Filter) : IQuery<CsvExport>;

    /// <summary>
    /// One application for the read API and the CSV exports: data for machines, so the call is named by its slug (a code),
    /// never by a title in one language (the pages name it in the reader's; the API's calls give all three titles).
    /// </summary>
    public sealed record Item(Guid Id, string? ReferenceNumber, Guid CallId, string CallSlug, string Window,
        Guid OrganisationId, string Organisation, string CountryIso2, string? ImplementationCountryIso2, string ProjectTitle,
        decimal RequestedUsd, decimal? ApprovedUsd, ApplicationStatus Status, DateTimeOffset? SubmittedAt, int PeopleTargeted);

    internal static IQueryable<GrantApplication> Filtered(TrustFundDbContext db, ICurrentUser user, Filter filter)
    {
        var applications = db.Applications.AsNoTracking().VisibleTo(user).Where(a => a.Status != ApplicationStatus.Draft);
        if (filter.CallId is { } call) applications = applications.Where(a => a.CallId == call);
        if (filter.Status is { } status) applications = applications.Where(a => a.Status == status);
        return applications.OrderBy(a => a.SubmittedAt).ThenBy(a => a.ReferenceNumber);
    }

    /// <summary>The sections are JSON columns, so items are shaped in memory after the rows are read.</summary>
    internal static async Task<List<Item>> Items(TrustFundDbContext db, List<GrantApplication> applications, CancellationToken ct)
    {
        var callIds = applications.Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return applications.Select(a =>
        {
            var call = calls[a.CallId];
            return new Item(a.Id, a.ReferenceNumber, a.CallId, call.Slug, call.Window.Code(), a.OrganisationId,
                a.Organisation.LegalName, a.Organisation.CountryIso2, a.Project.ImplementationCountryIso2, a.Project.Title,
                a.RequestedAmount, a.ApprovedAmount, a.Status, a.SubmittedAt, a.Beneficiaries.Sum(b => b.Count));
        }).ToList();
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, PagedList<Item>>
    {
        public async ValueTask<PagedList<Item>> Handle(Query query, CancellationToken ct)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var filtered = Filtered(db, user, query.Filter);
            var total = await filtered.CountAsync(ct);
            var page = Paging.Within(query.Page, total, size);
            var rows = await filtered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
            return new PagedList<Item>(await Items(db, rows, ct), page, size, total);
        }
    }

    public sealed class ExportHandler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<ExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(ExportQuery query, CancellationToken ct)
        {
            var items = await Items(db, await Filtered(db, user, query.Filter).ToListAsync(ct), ct);
            return CsvExport.Build("applications.csv",
                ["application_id", "reference", "call", "window", "organisation", "country", "implementation_country", "project",
                 "requested_usd", "approved_usd", "status", "submitted_at", "people_targeted"],
                items.Select(i => (IReadOnlyList<object?>)[i.Id, i.ReferenceNumber, i.CallSlug, i.Window, i.Organisation, i.CountryIso2,
                    i.ImplementationCountryIso2, i.ProjectTitle, i.RequestedUsd, i.ApprovedUsd, i.Status.ToString(), i.SubmittedAt,
                    i.PeopleTargeted]));
        }
    }

    /// <summary>One line per target of each application: who the project plans to assist, as counts (never people).</summary>
    public sealed class BeneficiariesExportHandler(TrustFundDbContext db, ICurrentUser user)
        : IQueryHandler<BeneficiariesExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(BeneficiariesExportQuery query, CancellationToken ct)
        {
            var applications = await Filtered(db, user, query.Filter).ToListAsync(ct);
            var calls = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug, ct);
            // One file for the whole secretariat whatever each person's language, read by spreadsheets: the form of
            // exploitation is given by its code (the stable value to count by) and, for reading, its English name.
            var forms = await db.FormsOfExploitation.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name.En, ct);
            return CsvExport.Build("beneficiary-targets.csv",
                ["application_id", "reference", "call", "organisation", "country", "status", "sex", "age_group",
                 "form_of_exploitation_code", "form_of_exploitation", "people_targeted"],
                applications.SelectMany(a => a.Beneficiaries.Select(t => (IReadOnlyList<object?>)[a.Id, a.ReferenceNumber,
                    calls.GetValueOrDefault(a.CallId), a.Organisation.LegalName, a.Project.ImplementationCountryIso2 ?? a.Organisation.CountryIso2,
                    a.Status.ToString(), t.Sex.ToString(), t.AgeGroup.ToString(), t.FormOfExploitationCode,
                    forms.GetValueOrDefault(t.FormOfExploitationCode), t.Count])));
        }
    }
}
