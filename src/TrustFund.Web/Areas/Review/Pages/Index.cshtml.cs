using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Review;

namespace TrustFund.Web.Areas.Review.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMyReviews.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await mediator.Send(new ListMyReviews.Query(), ct);
}
