using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Review;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

public sealed class RankingModel(IMediator mediator) : PageModel
{
    public GetCallScores.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(Guid callId, CancellationToken ct) => Current = await mediator.Send(new GetCallScores.Query(callId), ct);
}
