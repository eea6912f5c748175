using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Review;

namespace TrustFund.Web.Areas.Fund.Pages.Sessions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListBoardSessions.Result Current { get; private set; } = null!;
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public SessionFormat Format { get; set; }
    [BindProperty] public List<Guid> Present { get; set; } = [];

    public async Task OnGetAsync(Guid callId, CancellationToken ct) => Current = await mediator.Send(new ListBoardSessions.Query(callId), ct);

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        Current = await mediator.Send(new ListBoardSessions.Query(callId), ct);
        var id = await mediator.Send(new CreateBoardSession.Command(callId, Date ?? default, Format, Present), ct);
        return Redirect($"/board/sessions/{id}");
    }
}
