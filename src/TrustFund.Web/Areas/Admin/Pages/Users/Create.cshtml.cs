using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Account;
using TrustFund.Application.Features.Users;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Users;

public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string PreferredLanguage { get; set; } = "en";
    [BindProperty] public List<string> Roles { get; set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(new CreateUser.Command(Email, DisplayName, PreferredLanguage, Roles), ct);
        // The new person chooses their own password through the reset link: no password ever passes through an admin.
        await mediator.Send(new RequestPasswordReset.Command(Email), ct);
        TempData["Message"] = text["The account is created. An e-mail with a link to choose a password has been sent to {0}.", Email].Value;
        return Redirect("/admin/users");
    }
}
