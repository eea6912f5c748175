using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Review;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Review.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListMyReviews.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Current = await mediator.Send(new ListMyReviews.Query(PageNumber), ct);
}
