using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Review;

namespace TrustFund.Web.Areas.Review.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListMyReviews.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken ct) => Current = await mediator.Send(new ListMyReviews.Query(page ?? 1), ct);
}
