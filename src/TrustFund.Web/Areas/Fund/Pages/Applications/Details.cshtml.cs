using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Applications;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Applications;

/// <summary>One application for the secretariat: the automatic eligibility checks and the decision on eligibility.</summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetApplication.Result Current { get; private set; } = null!;
    [BindProperty] public bool Eligible { get; set; }
    [BindProperty] public string Reason { get; set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Current = await mediator.Send(new GetApplication.Query(id), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetApplication.Query(id), ct);
        await mediator.Send(new DecideEligibility.Command(id, Eligible, Reason), ct);
        TempData["Message"] = text["The eligibility decision is saved; the applicant can read it."].Value;
        return Redirect($"/fund/applications/{id}");
    }
}
