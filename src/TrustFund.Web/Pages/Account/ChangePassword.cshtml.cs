using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;
using TrustFund.Web.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

/// <summary>
/// The signed-in person changes their password, proving they know the current one. Their API tokens stop working
/// (TrustFundUserManager) and their other sessions end at the next security-stamp check; this one is renewed.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditContext audit,
    AuthenticationLog log, IStringLocalizer<SharedResource> text) : NewPasswordPageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        audit.Action = "ChangePassword";
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(Password),
                    error.Code == "PasswordMismatch" ? text["The current password is not right."] : text[error.Description]);
            return Page();
        }
        log.PasswordChanged(user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = text["Your password has been changed. Your API tokens no longer work: create new ones if you need them."].Value;
        return RedirectToPage("/Account/ChangePassword");
    }
}
