using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Review;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

public sealed class CompareModel(IMediator mediator) : PageModel
{
    public GetCallScores.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(Guid callId, List<Guid> ids, CancellationToken ct) =>
        Current = ids.Count < 2
            ? (await mediator.Send(new GetCallScores.Query(callId) { Compare = [Guid.Empty] }, ct))
            : await mediator.Send(new GetCallScores.Query(callId) { Compare = ids }, ct);
}
