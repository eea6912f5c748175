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
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, AuditContext audit, IStringLocalizer<SharedResource> text,
    SignInAttempts attempts, AuthenticationLog log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (!attempts.TryAttempt(Email))
        {
            log.Throttled("account");
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        audit.Action = "SignIn";
        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) log.SignedIn(user!.Id, "password");
        else if (result.IsLockedOut) log.LockedOut(user!.Id);
        else if (!result.RequiresTwoFactor) log.Failed(user?.Id, "password");
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = RememberMe });
        ModelState.AddModelError("", result.IsLockedOut
            ? text["Too many failed attempts: this account is locked for 15 minutes. You can reset your password meanwhile."]
            : result.IsNotAllowed
                ? text["This account cannot sign in yet: confirm your e-mail address first."]
                : text["The e-mail address or password is not right."]);
        return Page();
    }

    /// <summary>Where sign-in leads: the page the person was sent from, or else their home, where their work waits.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/home";
}
