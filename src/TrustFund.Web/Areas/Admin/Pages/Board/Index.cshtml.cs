using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Board;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListTrusteeAppointments.Result Appointments { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Appointments = await mediator.Send(new ListTrusteeAppointments.Query(), ct);
}
