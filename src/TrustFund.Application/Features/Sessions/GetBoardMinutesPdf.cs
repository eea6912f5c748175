using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Reports;
using TrustFund.Domain.Board;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The minutes of a board session as a PDF, for the secretariat: decisions and every vote with its time. Rendered on
/// request from the recorded ballots and votes, which never change once a ballot is closed.
/// </summary>
public static class GetBoardMinutesPdf
{
    public sealed record Query(Guid SessionId) : IQuery<File>;
    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(TrustFundDbContext db, IMediator mediator, IReportRenderer renderer) : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query query, CancellationToken ct)
        {
            var session = await mediator.Send(new GetBoardSession.Query(query.SessionId), ct);
            var created = await db.BoardSessions.AsNoTracking().Where(s => s.Id == query.SessionId).Select(s => s.CreatedAt).SingleAsync(ct);
            var lastClosed = session.Agenda.Select(a => a.Ballot.ClosedAt).Where(d => d is not null).Max();
            // A closed ballot prints its recorded count; an open one the votes cast so far, each trustee's latest (the
            // session page keeps open votes from the trustees, so they are read here), never a blank 0/0/0.
            var openBallots = session.Agenda.Where(a => a.Ballot.ClosedAt is null).Select(a => a.Ballot.Id).ToList();
            var openVotes = (await db.BoardVotes.AsNoTracking().Where(v => openBallots.Contains(v.BallotId)).ToListAsync(ct))
                .GroupBy(v => v.BallotId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.TrusteeUserId)
                    .Select(t => t.OrderBy(v => v.CastAt).ThenBy(v => v.Id).Last().Choice).ToList());
            (int, int, int) Count(GetBoardSession.Item a) =>
                a.Ballot.ClosedAt is not null ? (a.Ballot.Approvals, a.Ballot.Rejections, a.Ballot.Abstentions)
                : openVotes.GetValueOrDefault(a.Ballot.Id) is { } cast
                    ? (cast.Count(c => c == VoteChoice.Approve), cast.Count(c => c == VoteChoice.Reject), cast.Count(c => c == VoteChoice.Abstain))
                    : (0, 0, 0);
            var decisions = session.Agenda.OrderBy(a => a.Position).Select(a =>
            {
                var (approvals, rejections, abstentions) = Count(a);
                return new BoardMinutesData.Decision(a.Position, a.ReferenceNumber, a.Organisation, a.CountryIso2, a.RequestedAmount,
                    a.AverageScore, Outcome(a.Ballot), approvals, rejections, abstentions, a.Ballot.IsConsensus,
                    a.Votes.OrderBy(v => v.CastAt).Select(v => new BoardMinutesData.VoteLine(v.Trustee, v.Choice.ToString(), v.IsChange, v.CastAt)).ToList());
            }).ToList();
            var title = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Minutes of the Board of Trustees, {session.Date:d MMMM yyyy}");
            var data = new BoardMinutesData(title, session.CallTitle.En, session.Date, session.Format == SessionFormat.Remote ? "Remote" : "In person",
                lastClosed ?? created, session.Present, decisions);
            return new File(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"board-minutes-{session.Date:yyyy-MM-dd}.pdf"),
                renderer.RenderBoardMinutes(data));
        }

        private static string Outcome(SessionBallot ballot) => ballot.Outcome switch
        {
            null => "Ballot open",
            BallotOutcome.NoQuorum => "No quorum",
            BallotOutcome.Recommended => "Recommended",
            _ => "Not recommended",
        };
    }
}
