using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Calls;

namespace TrustFund.Web.Pages.Calls;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public GetCall.Details Call { get; private set; } = null!;

    public async Task OnGetAsync(string slug, CancellationToken ct) => Call = await mediator.Send(new GetCall.Query(slug), ct);
}
