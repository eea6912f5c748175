using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Board;

namespace TrustFund.Web.Areas.Board.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetBoard.Result Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Board = await mediator.Send(new GetBoard.Query(), ct);
}
