using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Organisations;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages;

public sealed class ColleaguesModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListColleagues.Item> Colleagues { get; private set; } = [];
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Language { get; set; } = "en";

    public async Task OnGetAsync(CancellationToken ct) => Colleagues = await mediator.Send(new ListColleagues.Query(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Colleagues = await mediator.Send(new ListColleagues.Query(), ct);
        await mediator.Send(new InviteColleague.Command(Email, DisplayName, Language), ct);
        TempData["Message"] = text["The account is created. An e-mail with a link to choose a password has been sent to {0}.", Email].Value;
        return Redirect("/apply/colleagues");
    }
}
