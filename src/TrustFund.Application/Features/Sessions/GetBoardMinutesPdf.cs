using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Board;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The minutes of a board session as a PDF, for the secretariat, in the reader's language: decisions and every vote with
/// its time. Rendered on request from the recorded ballots and votes, which never change once a ballot is closed.
/// </summary>
public static class GetBoardMinutesPdf
{
    /// <param name="Language">The reader's language (en, fr, es); any other gives English.</param>
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid SessionId, string Language = "en") : IQuery<File>;
    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(TrustFundDbContext db, IMediator mediator, IReportRenderer renderer, IDocumentText text) : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query query, CancellationToken ct)
        {
            var language = DocumentLanguages.Normalise(query.Language);
            string T(string english) => text.Translate(language, english);
            // Words of their own: the minutes record nouns ("In favour"), not the verbs of the voting buttons ("Approve")
            // that the catalogue gives the same codes.
            string Outcome(SessionBallot ballot) => ballot.Outcome switch
            {
                null when ballot.WithdrawalReason is { } reason =>
                    string.Format(DocumentLanguages.Culture(language), T("Ballot withdrawn: {0}"), reason),
                null => T("Ballot open"),
                BallotOutcome.NoQuorum => T("No quorum"),
                BallotOutcome.Recommended => T("Recommended"),
                _ => T("Not recommended"),
            };
            string Vote(VoteChoice choice) => choice switch
            {
                VoteChoice.Approve => T("In favour"),
                VoteChoice.Reject => T("Against"),
                _ => T("Abstention"),
            };
            var session = await mediator.Send(new GetBoardSession.Query(query.SessionId), ct);
            var created = await db.BoardSessions.AsNoTracking().Where(s => s.Id == query.SessionId).Select(s => s.CreatedAt).SingleAsync(ct);
            var lastClosed = session.Agenda.Select(a => a.Ballot.ClosedAt).Where(d => d is not null).Max();
            // A counted ballot prints its recorded count; an open or withdrawn one the votes cast so far, each trustee's
            // latest (the session page keeps open votes from the trustees, so they are read here), never a blank 0/0/0.
            var openBallots = session.Agenda.Where(a => a.Ballot.Outcome is null).Select(a => a.Ballot.Id).ToList();
            var openVotes = (await db.BoardVotes.AsNoTracking().Where(v => openBallots.Contains(v.BallotId)).ToListAsync(ct))
                .GroupBy(v => v.BallotId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.TrusteeUserId)
                    .Select(t => t.OrderBy(v => v.CastAt).ThenBy(v => v.Id).Last().Choice).ToList());
            (int, int, int) Count(GetBoardSession.Item a) =>
                a.Ballot.Outcome is not null ? (a.Ballot.Approvals, a.Ballot.Rejections, a.Ballot.Abstentions)
                : openVotes.GetValueOrDefault(a.Ballot.Id) is { } cast
                    ? (cast.Count(c => c == VoteChoice.Approve), cast.Count(c => c == VoteChoice.Reject), cast.Count(c => c == VoteChoice.Abstain))
                    : (0, 0, 0);
            var decisions = session.Agenda.OrderBy(a => a.Position).Select(a =>
            {
                var (approvals, rejections, abstentions) = Count(a);
                return new BoardMinutesData.Decision(a.Position, a.ReferenceNumber, a.Organisation, a.CountryIso2, a.RequestedAmount,
                    a.AverageScore, Outcome(a.Ballot), approvals, rejections, abstentions, a.Ballot.IsConsensus,
                    a.Votes.OrderBy(v => v.CastAt).Select(v => new BoardMinutesData.VoteLine(v.Trustee, Vote(v.Choice), v.IsChange, v.CastAt)).ToList());
            }).ToList();
            var title = string.Format(DocumentLanguages.Culture(language), T("Minutes of the Board of Trustees, {0}"),
                session.Date.ToString(DocumentLanguages.LongDateFormat(language), DocumentLanguages.Culture(language)));
            var data = new BoardMinutesData(title, session.CallTitle.For(language), session.Date,
                session.Format == SessionFormat.Remote ? T("Remote") : T("In person"), lastClosed ?? created, session.Present, decisions)
            {
                Language = language,
            };
            return new File(string.Create(CultureInfo.InvariantCulture, $"board-minutes-{session.Date:yyyy-MM-dd}.pdf"),
                renderer.RenderBoardMinutes(data));
        }
    }
}
