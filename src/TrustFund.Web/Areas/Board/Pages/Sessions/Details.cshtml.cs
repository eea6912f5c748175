using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Board.Pages.Sessions;

/// <summary>The board pack: trustees vote here; the secretariat closes each ballot.</summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetBoardSession.Result Current { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Current = await mediator.Send(new GetBoardSession.Query(id), ct);

    public async Task<IActionResult> OnPostVoteAsync(Guid id, Guid ballotId, VoteChoice choice, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Trustee)) return Forbid();
        Current = await mediator.Send(new GetBoardSession.Query(id), ct);
        await mediator.Send(new CastVote.Command(ballotId, choice), ct);
        TempData["Message"] = text["Your vote is recorded."].Value;
        return Redirect($"/board/sessions/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid ballotId, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.FundManager)) return Forbid();
        Current = await mediator.Send(new GetBoardSession.Query(id), ct);
        await mediator.Send(new CloseBallot.Command(ballotId), ct);
        TempData["Message"] = text["The ballot is closed and its result recorded."].Value;
        return Redirect($"/board/sessions/{id}");
    }
}
