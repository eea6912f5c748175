using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>One application's scores for the secretariat, with reopening and the selection decision.</summary>
public sealed class SelectionModel(IMediator mediator, IStringLocalizer<SharedResource> text) : FormPage
{
    public GrantApplication Application { get; private set; } = null!;
    public GetApplicationScores.Result Scores { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var id = RouteGuid();
        Application = (await mediator.Send(new GetApplication.Query(id), ct)).Application;
        Scores = await mediator.Send(new GetApplicationScores.Query(id), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Selection selection, string? message, CancellationToken ct)
    {
        await mediator.Send(new DecideSelection.Command(id, selection, message ?? ""), ct);
        TempData["Message"] = text["The decision is saved; the applicant can read the message."].Value;
        return Redirect($"/fund/applications/{id}/selection");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, Guid assessmentId, string? reason, CancellationToken ct)
    {
        await mediator.Send(new ReopenAssessment.Command(assessmentId, reason ?? ""), ct);
        TempData["Message"] = text["The assessment is reopened."].Value;
        return Redirect($"/fund/applications/{id}/selection");
    }

}
