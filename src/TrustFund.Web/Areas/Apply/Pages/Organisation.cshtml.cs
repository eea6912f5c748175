using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Organisations;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>The organisation's profile, which new drafts start from (see FormPage: the country list is loaded only to show the page).</summary>
public sealed class OrganisationModel(IMediator mediator, CountryOptions countries) : FormPage
{
    /// <summary>The posted form: the profile's fields (named Form.*) and the version the page was loaded with.</summary>
    public sealed class ProfileForm
    {
        public uint Version { get; set; }
        public OrganisationProfileForm Form { get; set; } = new();
    }

    public OrganisationProfileForm Form { get; private set; } = new();
    public uint Version { get; private set; }
    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Countries = await countries.ForLanguage(Display.Language, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await mediator.Send(new GetMyOrganisation.Query(), ct);
        (Form, Version) = (organisation.Form, organisation.Version);
    }

    public async Task<IActionResult> OnPostAsync(ProfileForm profile, CancellationToken ct)
    {
        // A value that could not be read (a year "abc", a garbage date) is refused with its message by Send, never dropped.
        (Form, Version) = (profile.Form, profile.Version);
        return await Send(new UpdateMyOrganisation.Command(profile.Version, profile.Form), "Your changes are saved.", "/apply/organisation", ct);
    }
}
