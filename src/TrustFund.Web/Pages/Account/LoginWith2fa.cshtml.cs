using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;
using TrustFund.Web.Hosting;
using TrustFund.Web.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

[EnableRateLimiting(WebApp.LoginRateLimit)]
public sealed class LoginWith2faModel(SignInManager<ApplicationUser> signIn, AuditContext audit, IStringLocalizer<SharedResource> text,
    SignInAttempts attempts, AuthenticationLog log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code."), StringLength(20)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return Page();
        if (!attempts.TryAttempt(user.Id.ToString()))
        {
            log.Throttled("account");
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        audit.Action = "SignIn";
        var code = Code.Replace(" ", "").Replace("-", "");
        // Six digits are a code from the app; anything else is tried as a one-time recovery code.
        var fromApp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = fromApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", ""));
        if (result.Succeeded && !fromApp) log.RecoveryCodeUsed(user.Id);
        if (result.Succeeded) log.SignedIn(user.Id, fromApp ? "password+totp" : "password+recovery code");
        else if (result.IsLockedOut) log.LockedOut(user.Id);
        else log.Failed(user.Id, fromApp ? "totp" : "recovery code");
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? text["Too many failed attempts: this account is locked for 15 minutes."]
            : text["That code is not right. Codes change every 30 seconds: try the current one."]);
        return Page();
    }
}
