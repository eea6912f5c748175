using Mediator;
using TrustFund.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Api;

/// <summary>
/// Submitted applications, for the secretariat only (as /fund/calls/{id}/applications and /fund/applications/{id}); an
/// applicant's token is refused with 403 even for its own application, which it reads on the /apply pages.
/// </summary>
public sealed class ApplicationsEndpoints : IApiEndpoints
{
    public sealed record ApplicationSummary(Guid Id, string? ReferenceNumber, Guid CallId, string CallSlug, string Window,
        Guid OrganisationId, string Organisation, string CountryIso2, string? ImplementationCountryIso2, string ProjectTitle,
        decimal RequestedUsd, decimal? ApprovedUsd, ApplicationStatus Status, DateTimeOffset? SubmittedAt, int PeopleTargeted);

    public sealed record Target(Sex Sex, AgeGroup AgeGroup, string FormOfExploitationCode, int Count);

    public sealed record BudgetItem(BudgetCategory Category, string Description, decimal Amount);

    public sealed record StatusChange(ApplicationStatus Status, DateTimeOffset At);

    public sealed record ApplicationDetails(Guid Id, string? ReferenceNumber, Guid CallId, string CallSlug, Guid OrganisationId,
        string Organisation, string CountryIso2, string ProjectTitle, string? ImplementationCountryIso2, DateOnly? StartDate,
        DateOnly? EndDate, decimal RequestedUsd, decimal? ApprovedUsd, ApplicationStatus Status, DateTimeOffset? SubmittedAt,
        string? EligibilityReason, IReadOnlyList<Target> Beneficiaries, IReadOnlyList<BudgetItem> Budget,
        IReadOnlyList<StatusChange> History, string SummaryPdfUrl);

    public void Map(RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.Secretariat);
        applications.MapGet("", List).WithName("ListApplications")
            .WithSummary("Submitted applications across calls, oldest submission first; filter by call and status (never drafts).");
        applications.MapGet("/{id:guid}", Get).WithName("GetApplication")
            .WithSummary("One application with its beneficiary targets, budget and status history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ApiPage<ApplicationSummary>>> List(IMediator mediator, CancellationToken ct,
        int page = 1, int pageSize = 50, Guid? call = null, ApplicationStatus? status = null)
    {
        var result = await mediator.Send(new ListApplications.Query(new ListApplications.Filter(call, status), page, pageSize), ct);
        return TypedResults.Ok(ApiPage<ApplicationSummary>.From(result, a => new ApplicationSummary(a.Id, a.ReferenceNumber, a.CallId,
            a.CallSlug, a.Window, a.OrganisationId, a.Organisation, a.CountryIso2, a.ImplementationCountryIso2, a.ProjectTitle,
            a.RequestedUsd, a.ApprovedUsd, a.Status, a.SubmittedAt, a.PeopleTargeted)));
    }

    private static async Task<Ok<ApplicationDetails>> Get(Guid id, IMediator mediator, CancellationToken ct)
    {
        var found = await mediator.Send(new GetApplication.Query(id), ct);
        var a = found.Application;
        // Drafts are the organisation's own work in progress, not yet the fund's business.
        if (a.Status == ApplicationStatus.Draft) throw new NotFoundException("application", id);
        return TypedResults.Ok(new ApplicationDetails(a.Id, a.ReferenceNumber, a.CallId, found.Call.Slug, a.OrganisationId,
            found.OrganisationLegalName, a.Organisation.CountryIso2, a.Project.Title, a.Project.ImplementationCountryIso2,
            a.Project.StartDate, a.Project.EndDate, a.RequestedAmount, a.ApprovedAmount, a.Status, a.SubmittedAt, a.EligibilityReason,
            a.Beneficiaries.Select(t => new Target(t.Sex, t.AgeGroup, t.FormOfExploitationCode, t.Count)).ToList(),
            a.Budget.Select(l => new BudgetItem(l.Category, l.Description, l.Amount)).ToList(),
            a.History.Select(h => new StatusChange(h.Status, h.At)).ToList(),
            $"/fund/applications/{a.Id}/summary.pdf"));
    }
}
