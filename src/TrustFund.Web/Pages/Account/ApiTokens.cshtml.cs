using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.ApiTokens;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

/// <summary>
/// Personal API tokens: create one (its secret is shown on this response only, never stored or shown again), see
/// when each was last used, revoke one.
/// </summary>
[Authorize]
public sealed class ApiTokensModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The secret of the token just created; set on the creating POST's own response only.</summary>
    public string? CreatedToken { get; private set; }

    public IReadOnlyList<ListApiTokens.Item> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListApiTokens.Query(), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        // Loaded first so the list is there when a refusal re-renders the form.
        Tokens = await mediator.Send(new ListApiTokens.Query(), ct);
        var result = await mediator.Send(new CreateApiToken.Command(Name, ExpiresOn), ct);
        CreatedToken = result.Token;
        Tokens = await mediator.Send(new ListApiTokens.Query(), ct);
        Name = "";
        ExpiresOn = null;
        ModelState.Clear();
        // The secret is in this page only: keep it out of every cache and the browser's history copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiToken.Command(id), ct);
        TempData["Message"] = text["The token is revoked. Programs using it can no longer read the API."].Value;
        return RedirectToPage();
    }
}
