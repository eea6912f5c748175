using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>The fund manager approves or declines an award, and records an award the organisation declined.</summary>
public sealed class AwardModel(IMediator mediator, IStringLocalizer<SharedResource> text) : FormPage
{
    public GrantApplication Application { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) =>
        Application = (await mediator.Send(new GetApplication.Query(RouteGuid()), ct)).Application;

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, decimal? amount, string? justification, CancellationToken ct)
    {
        await mediator.Send(new DecideAward.Command(id, approve, amount, justification), ct);
        TempData["Message"] = text["The award decision is saved."].Value;
        return Redirect($"/fund/applications/{id}/award");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct)
    {
        var result = await mediator.Send(new DeclineAward.Command(id, reason ?? ""), ct);
        TempData["Message"] = result.ProposedApplicationId is null
            ? text["The declined award is recorded. The reserve list is empty."].Value
            : text["The declined award is recorded."].Value;
        if (result.ProposedApplicationId is { } next)
        {
            TempData["ProposedNext"] = result.ProposedReference;
            TempData["ProposedNextId"] = next.ToString();
        }
        return Redirect($"/fund/applications/{id}/award");
    }
}
