using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.ApiTokens;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.ApiTokens;

/// <summary>
/// Every API token that still works, whose it is and when it was last used; an administrator can revoke any (a form per
/// row, see FormPage: a refused revocation shows the list again, not an empty page).
/// </summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    public IReadOnlyList<ListAllApiTokens.Item> Tokens { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListAllApiTokens.Query(), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        Send(new RevokeAnyApiToken.Command(id), "The token is revoked. Programs using it can no longer read the API.", "/admin/api-tokens", ct);
}
