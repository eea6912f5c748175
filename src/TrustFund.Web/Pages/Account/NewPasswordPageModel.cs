using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustFund.Web.Pages.Account;

/// <summary>The new password typed twice, with the same rules and messages wherever a password is chosen (reset, change).</summary>
public abstract class NewPasswordPageModel : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "The password must have at least 10 characters.")]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
