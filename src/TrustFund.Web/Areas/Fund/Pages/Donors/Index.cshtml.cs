using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Donors;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : FormPage
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public DonorKind Kind { get; set; } = DonorKind.MemberState;
    [BindProperty] public string? CountryIso2 { get; set; }
    [BindProperty] public string Language { get; set; } = "en";

    public IReadOnlyList<ListDonors.Item> Donors { get; private set; } = [];
    public IReadOnlyList<ListCountries.Item> Countries { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var id = await mediator.Send(new CreateDonor.Command(Name, Kind, CountryIso2, Language), ct);
        TempData["Message"] = text["The donor is added. Record its pledges here."].Value;
        return Redirect($"/fund/donors/{id}");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Donors = await mediator.Send(new ListDonors.Query(), ct);
        Countries = await mediator.Send(new ListCountries.Query(Display.Language), ct);
    }
}
