using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Organisations;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>The organisation's colleagues and the invitation form (see FormPage: the list is loaded only to show the page).</summary>
public sealed class ColleaguesModel(IMediator mediator) : FormPage
{
    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Language { get; set; }
    }

    public IReadOnlyList<ListColleagues.Item> Colleagues { get; private set; } = [];

    /// <summary>What the form shows: empty, in the reader's language by default, or as typed after a refusal.</summary>
    public InviteForm Invite { get; private set; } = new();

    protected override async Task LoadAsync(CancellationToken ct) => Colleagues = await mediator.Send(new ListColleagues.Query(), ct);

    public void OnGet() => Invite = new InviteForm { Language = Display.Language };

    public async Task<IActionResult> OnPostAsync(InviteForm invite, CancellationToken ct)
    {
        Invite = invite;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new InviteColleague.Command(invite.Email?.Trim() ?? "", invite.DisplayName ?? "", invite.Language ?? ""), ct);
        TempData["Message"] = Text("The account is created. An e-mail with a link to choose a password has been sent to {0}.", invite.Email!.Trim());
        return Redirect("/apply/colleagues");
    }
}
