using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, AuditContext audit, IStringLocalizer<SharedResource> text) : NewPasswordPageModel
{
    private const string BrokenLink = "This link is no longer valid. Ask for a new one.";

    [BindProperty(SupportsGet = true), Required(ErrorMessage = BrokenLink)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true), Required(ErrorMessage = BrokenLink)]
    public string Code { get; set; } = "";

    public void OnGet() => SayOnceIfTheLinkIsBroken();

    public async Task<IActionResult> OnPostAsync()
    {
        SayOnceIfTheLinkIsBroken();
        if (!ModelState.IsValid) return Page();
        audit.Action = "ResetPassword";
        var user = await users.FindByEmailAsync(Email);
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)); }
        catch (FormatException) { token = ""; }
        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code.StartsWith("Password")))
                foreach (var error in result.Errors) ModelState.AddModelError(nameof(Password), text[error.Description]);
            else
                ModelState.AddModelError("", text["This link is no longer valid. Ask for a new one."]);
            return Page();
        }
        if (user is not null) await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = text["Your password has been changed. You can sign in now."].Value;
        return RedirectToPage("/Account/Login");
    }

    /// <summary>
    /// A link without its address or code (cut by a mail program, or typed) cannot work: one message at the top, in the
    /// reader's language, rather than ASP.NET's English "The Email field is required." against a hidden field.
    /// </summary>
    private void SayOnceIfTheLinkIsBroken()
    {
        if (ModelState.GetFieldValidationState(nameof(Email)) != ModelValidationState.Invalid
            && ModelState.GetFieldValidationState(nameof(Code)) != ModelValidationState.Invalid) return;
        ModelState.Remove(nameof(Email));
        ModelState.Remove(nameof(Code));
        ModelState.AddModelError("", text[BrokenLink]);
    }
}
