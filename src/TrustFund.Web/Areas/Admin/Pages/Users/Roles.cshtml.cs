using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application;
using TrustFund.Application.Features.Users;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Users;

/// <summary>A person's roles (see FormPage: the person is loaded to show the page, never before the command).</summary>
public sealed class RolesModel(IMediator mediator) : FormPage
{
    /// <summary>The ticked roles; a list inside the form's class, so that only fields named Roles bind to it.</summary>
    public sealed class RolesForm
    {
        public List<string> Roles { get; set; } = [];
    }

    public RolesForm Form { get; private set; } = new();
    public ListUsers.Item Person { get; private set; } = null!;

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct) =>
        Person = await mediator.Send(new GetUser.Query(Id), ct) ?? throw new NotFoundException("user", Id);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        Form = new RolesForm { Roles = Person.Roles.ToList() };
    }

    public async Task<IActionResult> OnPostAsync(RolesForm form, CancellationToken ct)
    {
        Form = form;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new SetUserRoles.Command(Id, form.Roles), ct);
        // The address is read after the change, for the message only.
        var email = (await mediator.Send(new GetUser.Query(Id), ct))!.Email;
        TempData["Message"] = Text("The roles of {0} are saved.", email);
        return Redirect("/admin/users");
    }
}
