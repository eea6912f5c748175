using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustFund.Application.Features.Organisations;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Register;

/// <summary>An NGO registers itself and its first user; the e-mail address is confirmed before the first sign-in.</summary>
[EnableRateLimiting(WebApp.LoginRateLimit)]
public sealed class IndexModel(IMediator mediator, CountryOptions countries) : PageModel
{
    [BindProperty] public string LegalName { get; set; } = "";
    [BindProperty] public string CountryIso2 { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>The account's and the organisation's language: the page's unless the person chooses another.</summary>
    [BindProperty] public string? Language { get; set; }

    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];
    public bool Registered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Language = Display.Language;
        Countries = await countries.ForLanguage(Display.Language, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Countries = await countries.ForLanguage(Display.Language, ct);
        // A form posted without the choice (a script, an old page) takes the page's language, as the select would have.
        Language ??= Display.Language;
        await mediator.Send(new RegisterOrganisation.Command(LegalName, CountryIso2, Email, DisplayName, Password, Language), ct);
        Registered = true;
        return Page();
    }
}
