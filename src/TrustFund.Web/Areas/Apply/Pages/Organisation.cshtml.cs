using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Organisations;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages;

public sealed class OrganisationModel(IMediator mediator, CountryOptions countries, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public OrganisationProfileForm Form { get; set; } = new();
    [BindProperty] public uint Version { get; set; }
    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await mediator.Send(new GetMyOrganisation.Query(), ct);
        (Form, Version) = (organisation.Form, organisation.Version);
        Countries = await countries.ForLanguage(Display.Language, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Countries = await countries.ForLanguage(Display.Language, ct);
        // A value that could not be read (a year "abc", a garbage date) is refused with its message, never dropped.
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new UpdateMyOrganisation.Command(Version, Form), ct);
        TempData["Message"] = text["Your changes are saved."].Value;
        return Redirect("/apply/organisation");
    }
}
