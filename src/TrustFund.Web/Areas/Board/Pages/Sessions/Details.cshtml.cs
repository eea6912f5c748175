using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Board.Pages.Sessions;

/// <summary>
/// The board pack: trustees vote here; the secretariat closes each ballot, or withdraws it uncounted with a reason.
/// Each form posts to its own handler (see FormPage): the session is loaded only to show the page.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : FormPage
{
    public sealed class WithdrawForm
    {
        public string? Reason { get; set; }
    }

    public GetBoardSession.Result Current { get; private set; } = null!;
    public WithdrawForm Withdrawal { get; private set; } = new();

    /// <summary>The ballot whose withdrawal form was posted, so a refusal reopens that form with its text.</summary>
    public Guid? WithdrawingBallotId { get; private set; }

    private Guid Id => RouteGuid();
    private string Here => $"/board/sessions/{Id}";

    protected override async Task LoadAsync(CancellationToken ct) => Current = await mediator.Send(new GetBoardSession.Query(Id), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostVoteAsync(Guid ballotId, VoteChoice choice, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Trustee)) return Forbid();
        return await Send(new CastVote.Command(ballotId, choice), "Your vote is recorded.", Here, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid ballotId, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.FundManager)) return Forbid();
        return await Send(new CloseBallot.Command(ballotId), "The ballot is closed and its result recorded.", Here, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid ballotId, WithdrawForm withdrawal, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.FundManager)) return Forbid();
        (WithdrawingBallotId, Withdrawal) = (ballotId, withdrawal);
        return await Send(new WithdrawBallot.Command(ballotId, withdrawal.Reason ?? ""), "The ballot is withdrawn.", Here, ct);
    }
}
