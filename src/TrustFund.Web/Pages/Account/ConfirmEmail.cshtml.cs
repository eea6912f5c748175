using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<ApplicationUser> users, AuditContext audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code)
    {
        audit.Action = "ConfirmEmail";
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(code)) return;
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return; }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
