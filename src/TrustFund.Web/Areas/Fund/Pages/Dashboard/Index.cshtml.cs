using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Journal;

namespace TrustFund.Web.Areas.Fund.Pages.Dashboard;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetFundDashboard.Result Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await mediator.Send(new GetFundDashboard.Query(), ct);
}
