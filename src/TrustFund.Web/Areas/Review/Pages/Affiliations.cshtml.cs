using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Review;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Review.Pages;

public sealed class AffiliationsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public ListMyAffiliations.Result Current { get; private set; } = null!;
    [BindProperty] public Guid OrganisationId { get; set; }
    [BindProperty] public string Description { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => Current = await mediator.Send(new ListMyAffiliations.Query(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new ListMyAffiliations.Query(), ct);
        await mediator.Send(new DeclareAffiliation.Command(OrganisationId, Description), ct);
        TempData["Message"] = text["The affiliation is declared."].Value;
        return Redirect("/review/affiliations");
    }
}
