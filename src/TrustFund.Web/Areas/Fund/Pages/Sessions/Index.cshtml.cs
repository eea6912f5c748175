using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Review;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Sessions;

/// <summary>A call's board sessions, and the form that opens one with the trustees ticked as present.</summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    public ListBoardSessions.Result Current { get; private set; } = null!;

    public sealed class SessionForm
    {
        public DateOnly? Date { get; set; }
        public SessionFormat Format { get; set; }
        public List<Guid> Present { get; set; } = [];
    }

    /// <summary>What was posted, shown again when the session is refused; null on a fresh page (everyone ticked).</summary>
    public SessionForm? Posted { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct) =>
        Current = await mediator.Send(new ListBoardSessions.Query(RouteGuid("callId")), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAsync(SessionForm session, CancellationToken ct)
    {
        Posted = session;
        if (!ModelState.IsValid) return Page();
        var id = await mediator.Send(new CreateBoardSession.Command(RouteGuid("callId"), session.Date ?? default, session.Format, session.Present), ct);
        return Redirect($"/board/sessions/{id}");
    }
}
