using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Donors;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public DonorKind Kind { get; set; }
    [BindProperty] public string? CountryIso2 { get; set; }
    [BindProperty] public string Language { get; set; } = "en";

    public Guid Id { get; private set; }
    public IReadOnlyList<ListCountries.Item> Countries { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var donor = await mediator.Send(new GetDonor.Query(id), ct);
        (Id, Version, Name, Kind, CountryIso2, Language) = (donor.Id, donor.Version, donor.Name, donor.Kind, donor.CountryIso2, donor.Language);
        Countries = await mediator.Send(new ListCountries.Query(Display.Language), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Countries = await mediator.Send(new ListCountries.Query(Display.Language), ct);
        await mediator.Send(new EditDonor.Command(id, Version, Name, Kind, CountryIso2, Language), ct);
        TempData["Message"] = text["Your changes are saved."].Value;
        return Redirect($"/fund/donors/{id}");
    }
}
