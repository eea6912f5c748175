using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Account;
using TrustFund.Application.Features.Users;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Users;

/// <summary>Creates a staff or donor account with its roles: one form with its own model (see FormPage).</summary>
public sealed class CreateModel(IMediator mediator) : FormPage
{
    public sealed class UserForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? PreferredLanguage { get; set; } = "en";
        public List<string> Roles { get; set; } = [];
    }

    public UserForm NewUser { get; private set; } = new();

    // The form is the whole page: nothing else to load.
    protected override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(UserForm newUser, CancellationToken ct)
    {
        NewUser = newUser;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new CreateUser.Command(newUser.Email ?? "", newUser.DisplayName ?? "", newUser.PreferredLanguage ?? "", newUser.Roles), ct);
        // The new person chooses their own password through the reset link: no password ever passes through an admin.
        await mediator.Send(new RequestPasswordReset.Command(newUser.Email!), ct);
        TempData["Message"] = Text("The account is created. An e-mail with a link to choose a password has been sent to {0}.", newUser.Email!);
        return Redirect("/admin/users");
    }
}
