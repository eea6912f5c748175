using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Donors;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

/// <summary>
/// Edits a donor: one form with its own model, carrying the version it was loaded with (see FormPage); a save over
/// someone else's is refused with the typed values kept.
/// </summary>
public sealed class EditModel(IMediator mediator) : FormPage
{
    public sealed class DonorForm
    {
        public uint Version { get; set; }
        public string? Name { get; set; }
        public DonorKind Kind { get; set; }
        public string? CountryIso2 { get; set; }
        public string? Language { get; set; } = "en";
    }

    public DonorForm Donor { get; private set; } = new();
    public IReadOnlyList<ListCountries.Item> Countries { get; private set; } = [];

    public Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct) => Countries = await mediator.Send(new ListCountries.Query(Display.Language), ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var donor = await mediator.Send(new GetDonor.Query(Id), ct);
        Donor = new DonorForm { Version = donor.Version, Name = donor.Name, Kind = donor.Kind, CountryIso2 = donor.CountryIso2, Language = donor.Language };
    }

    public Task<IActionResult> OnPostAsync(DonorForm donor, CancellationToken ct)
    {
        Donor = donor;
        return Send(new EditDonor.Command(Id, donor.Version, donor.Name ?? "", donor.Kind, donor.CountryIso2, donor.Language ?? ""),
            "Your changes are saved.", $"/fund/donors/{Id}", ct);
    }
}
