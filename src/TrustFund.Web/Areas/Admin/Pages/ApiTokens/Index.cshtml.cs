using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.ApiTokens;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.ApiTokens;

/// <summary>Every API token that still works, whose it is and when it was last used; an administrator can revoke any.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListAllApiTokens.Item> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListAllApiTokens.Query(), ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RevokeAnyApiToken.Command(id), ct);
        TempData["Message"] = text["The token is revoked. Programs using it can no longer read the API."].Value;
        return RedirectToPage();
    }
}
