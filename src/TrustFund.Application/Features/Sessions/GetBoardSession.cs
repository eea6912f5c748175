using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The board pack of a session: the agenda in ranking order with scores, amounts and the running total against the
/// call's envelope, each ballot with the viewer's own vote, and the regional coverage of the proposed awards.
/// Scores and votes of an application the viewer is recused on are not shown to them (the one access rule).
/// </summary>
public static class GetBoardSession
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Query(Guid SessionId) : IQuery<Result>;

    public sealed record Result(Guid SessionId, Guid CallId, LocalizedText CallTitle, DateOnly Date, SessionFormat Format, decimal Envelope,
        IReadOnlyList<string> Present, bool ViewerIsPresent, IReadOnlyList<Item> Agenda, IReadOnlyList<GroupCoverage> Coverage)
    {
        public decimal ProposedTotal => Agenda.Where(a => a.IsProposed).Sum(a => a.RequestedAmount);
    }

    public sealed record Item(Guid BallotId, Guid ApplicationId, int Position, string ReferenceNumber, string Organisation, string CountryIso2,
        string? RegionalGroupCode, decimal RequestedAmount, ApplicationStatus Status, bool ViewerRecused, int? Rank, decimal? AverageScore,
        int Assessments, bool IsProposed, decimal RunningTotal, bool OverEnvelope, ConflictStanding ViewerStanding, VoteChoice? ViewerVote,
        int VotesSoFar, SessionBallot Ballot, IReadOnlyList<VoteRecord> Votes);

    public sealed record VoteRecord(string Trustee, VoteChoice Choice, bool IsChange, DateTimeOffset CastAt);

    public sealed record GroupCoverage(string Code, LocalizedText Name, int EligibleApplications, int ProposedAwards)
    {
        public bool Warning => EligibleApplications > 0 && ProposedAwards == 0;
    }

    private static readonly ApplicationStatus[] FoundEligible =
    [
        ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList,
        ApplicationStatus.NotSelected, ApplicationStatus.Recommended, ApplicationStatus.Approved, ApplicationStatus.Rejected,
    ];

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var session = await db.BoardSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SessionId, ct)
                ?? throw new NotFoundException("session", query.SessionId);
            var call = await db.Calls.AsNoTracking().Where(c => c.Id == session.CallId).Select(c => new { c.Title, c.Envelope }).SingleAsync(ct);
            var ballots = await db.SessionBallots.AsNoTracking().Where(b => b.SessionId == session.Id).OrderBy(b => b.Position).ToListAsync(ct);
            var ids = ballots.Select(b => b.ApplicationId).ToList();
            var applications = await (from a in db.Applications.AsNoTracking()
                                      join o in db.Organisations on a.OrganisationId equals o.Id
                                      join c in db.Countries on o.CountryIso2 equals c.Iso2
                                      where ids.Contains(a.Id)
                                      select new { a.Id, a.ReferenceNumber, o.LegalName, o.CountryIso2, c.RegionalGroupCode, a.Status,
                                          Amount = EF.Property<decimal>(a, "RequestedTotal") }).ToDictionaryAsync(a => a.Id, ct);
            var scores = await CallScores.ComputeAsync(db, session.CallId, ids, ct);
            var ballotIds = ballots.Select(b => b.Id).ToList();
            var votes = await db.BoardVotes.AsNoTracking().Where(v => ballotIds.Contains(v.BallotId)).OrderBy(v => v.CastAt).ThenBy(v => v.Id).ToListAsync(ct);
            var declared = (await db.LatestDeclarations().AsNoTracking().Where(d => d.ReviewerUserId == me && ids.Contains(d.ApplicationId))
                .Select(d => new { d.ApplicationId, d.HasConflict }).ToListAsync(ct)).ToDictionary(d => d.ApplicationId, d => d.HasConflict);
            var people = votes.Select(v => v.TrusteeUserId).Concat(session.PresentTrusteeIds).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

            var running = 0m;
            var agenda = new List<Item>();
            foreach (var ballot in ballots)
            {
                var a = applications[ballot.ApplicationId];
                var standing = declared.TryGetValue(a.Id, out var conflict) ? conflict ? ConflictStanding.Conflicted : ConflictStanding.NoConflict : ConflictStanding.NotDeclared;
                var recused = standing == ConflictStanding.Conflicted;
                var score = scores.ByApplication[a.Id];
                // An award is proposed while its ballot is open or carried; a ballot that failed drops it from the total.
                var proposed = !ballot.IsClosed || ballot.Outcome == BallotOutcome.Recommended;
                if (proposed) running += a.Amount;
                var own = votes.Where(v => v.BallotId == ballot.Id).ToList();
                agenda.Add(new Item(ballot.Id, a.Id, ballot.Position, a.ReferenceNumber ?? "", a.LegalName, a.CountryIso2, a.RegionalGroupCode, a.Amount,
                    a.Status, recused, recused || score.Rank == 0 ? null : score.Rank, recused ? null : score.Average, recused ? 0 : score.Reviews.Count,
                    proposed, running, proposed && running > call.Envelope, standing,
                    own.Where(v => v.TrusteeUserId == me).Select(v => (VoteChoice?)v.Choice).LastOrDefault(),
                    own.Select(v => v.TrusteeUserId).Distinct().Count(), ballot,
                    recused || !ballot.IsClosed ? [] : own.Select(v => new VoteRecord(names.GetValueOrDefault(v.TrusteeUserId, "?"), v.Choice, v.IsChange, v.CastAt)).ToList()));
            }

            var eligibleByGroup = await (from a in db.Applications.AsNoTracking()
                                         join o in db.Organisations on a.OrganisationId equals o.Id
                                         join c in db.Countries on o.CountryIso2 equals c.Iso2
                                         where a.CallId == session.CallId && FoundEligible.Contains(a.Status) && c.RegionalGroupCode != null
                                         group a by c.RegionalGroupCode into g
                                         select new { Code = g.Key!, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, ct);
            var groups = await db.RegionalGroups.AsNoTracking().ToListAsync(ct);
            var coverage = BoardOfTrustees.SeatGroups.Select(code => new GroupCoverage(code, groups.Single(g => g.Code == code).Name,
                eligibleByGroup.GetValueOrDefault(code), agenda.Count(i => i.IsProposed && i.RegionalGroupCode == code))).ToList();

            return new Result(session.Id, session.CallId, call.Title, session.Date, session.Format, call.Envelope,
                session.PresentTrusteeIds.Select(id => names.GetValueOrDefault(id, "?")).Order().ToList(), session.PresentTrusteeIds.Contains(me),
                agenda, coverage);
        }
    }
}
