using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// A trustee present at the session, and cleared of conflict on the application (the one access rule), votes
/// approve / reject / abstain until the ballot closes. A second vote by the same trustee is recorded as a change.
/// </summary>
public static class CastVote
{
    [Authorize(Roles.Trustee, Scope = Scope.NotRecused)]
    public sealed record Command(Guid BallotId, VoteChoice Choice) : ICommand<Unit>, IAboutBallot;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            // The ballot's row lock makes votes and the closing take turns: a vote either counts or meets a closed
            // ballot, and two trustees voting at once each add their own row.
            var ballot = await BallotRows.LockAsync(db, command.BallotId, ct);
            var session = await db.BoardSessions.AsNoTracking().SingleAsync(s => s.Id == ballot.SessionId, ct);
            if (!session.PresentTrusteeIds.Contains(me))
                throw new DomainException("Only a trustee present at the session can vote.");
            await db.EnsureMayTakePartAsync(me, ballot.ApplicationId, ct);
            ballot.EnsureOpen();
            var previous = await db.BoardVotes.AsNoTracking().Where(v => v.BallotId == ballot.Id && v.TrusteeUserId == me)
                .OrderByDescending(v => v.CastAt).ThenByDescending(v => v.Id).Select(v => (VoteChoice?)v.Choice).FirstOrDefaultAsync(ct);
            if (previous == command.Choice) return Unit.Value;
            db.BoardVotes.Add(new BoardVote(ballot.Id, me, command.Choice, isChange: previous is not null, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

internal static class BallotRows
{
    public static async Task<SessionBallot> LockAsync(TrustFundDbContext db, Guid ballotId, CancellationToken ct) =>
        await db.SessionBallots.FromSql($"SELECT *, xmin FROM session_ballots WHERE id = {ballotId} FOR UPDATE").SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("ballot", ballotId);

    /// <summary>
    /// The seats of a ballot as they stand: every trustee present or who voted, recused when their latest declaration
    /// is a conflict (a vote cast before recusing no longer counts), with their latest vote.
    /// </summary>
    public static async Task<List<BallotSeat>> SeatsAsync(TrustFundDbContext db, BoardSession session, Guid ballotId, Guid applicationId,
        CancellationToken ct)
    {
        var votes = await db.BoardVotes.AsNoTracking().Where(v => v.BallotId == ballotId).ToListAsync(ct);
        var latest = votes.GroupBy(v => v.TrusteeUserId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.CastAt).ThenBy(v => v.Id).Last().Choice);
        var recused = await db.Recusals().Where(r => r.ApplicationId == applicationId).Select(r => r.ReviewerUserId).ToListAsync(ct);
        return session.PresentTrusteeIds.Union(latest.Keys).Select(id =>
        {
            var present = session.PresentTrusteeIds.Contains(id);
            var isRecused = recused.Contains(id);
            return new BallotSeat(id, present, isRecused, present && !isRecused && latest.TryGetValue(id, out var v) ? v : null);
        }).ToList();
    }
}
