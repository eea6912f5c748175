using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Sessions;

/// <summary>
/// A shortlist moved onto a coming board session's agenda in one step: the secretariat ticks ranked applications,
/// chooses the session, sees what will happen to each, then confirms.
/// </summary>
public sealed class AgendaModel(IMediator mediator, TimeProvider clock) : FormPage
{
    public sealed class AgendaForm
    {
        public Guid SessionId { get; set; }
        public List<Guid> ApplicationIds { get; set; } = [];
        public string? Message { get; set; }
    }

    /// <summary>The statuses an application can be put on an agenda from.</summary>
    public static readonly ApplicationStatus[] Selectable =
        [ApplicationStatus.Shortlisted, ApplicationStatus.UnderReview, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected];

    public GetCallScores.Result Ranking { get; private set; } = null!;

    /// <summary>The call's sessions still to come, soonest first.</summary>
    public IReadOnlyList<ListBoardSessions.Item> Coming { get; private set; } = [];

    public AgendaForm? Posted { get; private set; }
    public PlaceOnAgenda.Result? Plan { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var callId = RouteGuid("callId");
        Ranking = await mediator.Send(new GetCallScores.Query(callId), ct);
        var today = FundCalendar.Today(clock);
        Coming = (await mediator.Send(new ListBoardSessions.Query(callId), ct)).Sessions.Where(s => s.Date >= today).OrderBy(s => s.Date).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(AgendaForm agenda, CancellationToken ct)
    {
        Posted = agenda;
        if (!ModelState.IsValid) return Page();
        Plan = await mediator.Send(new PlaceOnAgenda.Preview(RouteGuid("callId"), agenda.SessionId, agenda.ApplicationIds, agenda.Message ?? ""), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(AgendaForm agenda, CancellationToken ct)
    {
        Posted = agenda;
        if (!ModelState.IsValid) return Page();
        var done = await mediator.Send(new PlaceOnAgenda.Command(RouteGuid("callId"), agenda.SessionId, agenda.ApplicationIds, agenda.Message ?? ""), ct);
        TempData["Message"] = Display.Semicolons([Plural(done.Placed, "{0} application put on the agenda", "{0} applications put on the agenda"), Skipped(done.Items.Count - done.Placed)]) + ".";
        return Redirect($"/board/sessions/{agenda.SessionId}");
    }

    public bool Ticked(Guid applicationId) => Posted?.ApplicationIds.Contains(applicationId) ?? false;
}
