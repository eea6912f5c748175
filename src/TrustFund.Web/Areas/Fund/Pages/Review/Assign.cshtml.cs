using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Review;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

public sealed class AssignModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetReviewAssignments.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(Guid callId, CancellationToken ct) => Current = await mediator.Send(new GetReviewAssignments.Query(callId), ct);

    public async Task<IActionResult> OnPostAutoAsync(Guid callId, int perApplication, bool includeTechnical, CancellationToken ct)
    {
        Current = await mediator.Send(new GetReviewAssignments.Query(callId), ct);
        var result = await mediator.Send(new AssignReviewersAutomatically.Command(callId, perApplication, includeTechnical), ct);
        TempData["Message"] = result.Short == 0
            ? text["{0} assignments made.", result.Added].Value
            : text["{0} assignments made; {1} applications could not get enough reviewers free of conflicts.", result.Added, result.Short].Value;
        return Redirect($"/fund/calls/{callId}/review");
    }

    public async Task<IActionResult> OnPostHandAsync(Guid callId, Guid applicationId, Guid reviewerUserId, CancellationToken ct)
    {
        Current = await mediator.Send(new GetReviewAssignments.Query(callId), ct);
        await mediator.Send(new AssignReviewer.Command(applicationId, reviewerUserId), ct);
        TempData["Message"] = text["The reviewer is assigned."].Value;
        return Redirect($"/fund/calls/{callId}/review");
    }
}
