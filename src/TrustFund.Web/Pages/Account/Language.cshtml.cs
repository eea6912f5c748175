using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Account;
using TrustFund.Application.Identity;
using TrustFund.Web.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

/// <summary>The language of the person's account: the pages after each sign-in, on any browser, and their e-mails.</summary>
[Authorize]
public sealed class LanguageModel(IMediator mediator, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string Language { get; set; } = "en";

    public void OnGet() => Language = User.FindFirst(TrustFundClaims.Language)?.Value ?? "en";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(new ChangeMyLanguage.Command(Language), ct);
        // The new language is in the sign-in cookie's claims from now on, and the pages switch to it at once.
        if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        CultureCookieMiddleware.Remember(Response, Language);
        // Said in the language just chosen, as the next page will be.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Language);
        TempData["Message"] = text["The language of your account is saved."].Value;
        return Redirect("/account/language");
    }
}
