using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Calls;

namespace TrustFund.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListOpenCalls.Item> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await mediator.Send(new ListOpenCalls.Query(), ct);
}
