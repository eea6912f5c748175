using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Users;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Users;

public sealed class RolesModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public List<string> Roles { get; set; } = [];
    public ListUsers.Item? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        Roles = Person!.Roles.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        await mediator.Send(new SetUserRoles.Command(id, Roles), ct);
        TempData["Message"] = text["The roles of {0} are saved.", Person!.Email].Value;
        return Redirect("/admin/users");
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        Person = await mediator.Send(new GetUser.Query(id), ct);
        return Person is not null;
    }
}
