using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.ApiTokens;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Account;

/// <summary>
/// Personal API tokens: create one (its secret is shown on this response only, never stored or shown again), see
/// when each was last used, revoke one. See FormPage: the list is loaded only to show the page, after the command.
/// </summary>
[Authorize]
public sealed class ApiTokensModel(IMediator mediator) : FormPage
{
    public sealed class CreateForm
    {
        public string? Name { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public CreateForm Create { get; private set; } = new();

    /// <summary>The secret of the token just created; set on the creating POST's own response only.</summary>
    public string? CreatedToken { get; private set; }

    public IReadOnlyList<ListApiTokens.Item> Tokens { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListApiTokens.Query(), ct);

    public void OnGet() { }

    public async Task<IActionResult> OnPostCreateAsync(CreateForm create, CancellationToken ct)
    {
        Create = create;
        if (!ModelState.IsValid) return Page();
        var result = await mediator.Send(new CreateApiToken.Command(create.Name ?? "", create.ExpiresOn), ct);
        // Not a redirect: the secret is shown on this response only, with the list (loaded after the command) holding the new token.
        CreatedToken = result.Token;
        Create = new CreateForm();
        // The secret is in this page only: keep it out of every cache and the browser's history copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        Send(new RevokeApiToken.Command(id), "The token is revoked. Programs using it can no longer read the API.", "/account/api-tokens", ct);
}
