using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Identity;
using TrustFund.Web.Identity;

namespace TrustFund.Web.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, AuthenticationLog log) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Guid.TryParse(signIn.UserManager.GetUserId(User), out var userId)) log.SignedOut(userId);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
