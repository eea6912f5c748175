using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The secretariat closes the ballot on one application: the count (quorum, simple majority of votes cast,
/// consensus) is recorded, and a carried ballot makes the application Recommended.
/// </summary>
public static class CloseBallot
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid BallotId) : ICommand<BallotResult>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, BallotResult>
    {
        public async ValueTask<BallotResult> Handle(Command command, CancellationToken ct)
        {
            var ballot = await BallotRows.LockAsync(db, command.BallotId, ct);
            var session = await db.BoardSessions.AsNoTracking().SingleAsync(s => s.Id == ballot.SessionId, ct);
            var seats = await BallotRows.SeatsAsync(db, session, ballot.Id, ballot.ApplicationId, ct);
            var now = clock.GetUtcNow();
            var result = ballot.Close(seats, now);
            // A ballot can always be closed and its count kept: only an application still waiting for the board becomes
            // Recommended (one decided meanwhile, e.g. awarded through another session's ballot, stays as it is).
            var application = await db.Applications.SingleAsync(a => a.Id == ballot.ApplicationId, ct);
            if (result.Outcome == BallotOutcome.Recommended && application.Status == ApplicationStatus.Shortlisted)
                application.Recommend(now, user.UserName);
            await db.SaveChangesAsync(ct);
            return result;
        }
    }
}
