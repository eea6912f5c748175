using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// What waits for the signed-in trustee: conflict declarations to make, assessments to complete and ballots to vote
/// on, nearest deadline first. An assessment's deadline is the next board session on its call; a ballot's, its
/// session. Nothing the trustee is recused from is listed (ReviewAccess's rule: the latest declaration says conflict).
/// </summary>
public static class GetTrusteeHome
{
    [Authorize(Roles.Trustee)]
    public sealed record Query : IQuery<Result>;

    /// <summary>Once the secretariat has moved an application past review, an unfinished declaration or assessment no longer waits.</summary>
    private static readonly ApplicationStatus[] ReviewOpen = [ApplicationStatus.Eligible, ApplicationStatus.UnderReview];

    public sealed record Result(WorkList DeclarationsDue, WorkList AssessmentsDue, WorkList BallotsOpen);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var today = FundCalendar.Today(clock);
            var latest = db.LatestDeclarations().Where(d => d.ReviewerUserId == me);

            var open = await (from r in db.ReviewAssignments.AsNoTracking()
                              join a in db.Applications on r.ApplicationId equals a.Id
                              join o in db.Organisations on a.OrganisationId equals o.Id
                              join c in db.Calls on a.CallId equals c.Id
                              where r.ReviewerUserId == me && ReviewOpen.Contains(a.Status)
                                    && !db.Assessments.Any(s => s.ApplicationId == r.ApplicationId && s.ReviewerUserId == me && s.CompletedAt != null)
                                    && !latest.Any(d => d.ApplicationId == r.ApplicationId && d.HasConflict)
                              select new
                              {
                                  r.ApplicationId, r.CallId, r.AssignedAt, a.ReferenceNumber,
                                  // Blind review: this trustee's own assessment is still open, so the scores are not all locked.
                                  LegalName = c.BlindReview ? a.ReferenceNumber! : o.LegalName,
                                  Declared = latest.Any(d => d.ApplicationId == r.ApplicationId),
                              }).ToListAsync(ct);
            var callIds = open.Select(r => r.CallId).Distinct().ToList();
            var nextSession = (await db.BoardSessions.AsNoTracking().Where(s => callIds.Contains(s.CallId) && s.Date >= today)
                    .Select(s => new { s.CallId, s.Date }).ToListAsync(ct))
                .GroupBy(s => s.CallId).ToDictionary(g => g.Key, g => g.Min(s => s.Date));
            List<WorkItem> Due(bool declared) => open.Where(r => r.Declared == declared)
                .Select(r => new WorkItem(r.ApplicationId, new LocalizedText(r.LegalName), r.ReferenceNumber, r.AssignedAt,
                    nextSession.TryGetValue(r.CallId, out var day) ? day : null, ParentId: r.CallId))
                .OrderBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Since).ThenBy(i => i.Reference, StringComparer.Ordinal).ToList();

            // Who sits in a session is a JSON list: read the open ballots' sessions and keep those this trustee attends.
            var ballots = await (from b in db.SessionBallots.AsNoTracking()
                                 join s in db.BoardSessions on b.SessionId equals s.Id
                                 join a in db.Applications on b.ApplicationId equals a.Id
                                 join o in db.Organisations on a.OrganisationId equals o.Id
                                 where b.ClosedAt == null
                                       && !db.BoardVotes.Any(v => v.BallotId == b.Id && v.TrusteeUserId == me)
                                       && !latest.Any(d => d.ApplicationId == b.ApplicationId && d.HasConflict)
                                 select new { b.Id, b.SessionId, Session = s, a.ReferenceNumber, o.LegalName, b.Position })
                .ToListAsync(ct);
            var toVote = ballots.Where(b => b.Session.PresentTrusteeIds.Contains(me))
                .OrderBy(b => b.Session.Date).ThenBy(b => b.Position)
                .Select(b => new WorkItem(b.Id, new LocalizedText(b.LegalName), b.ReferenceNumber, b.Session.CreatedAt, b.Session.Date,
                    ParentId: b.SessionId))
                .ToList();

            return new Result(WorkList.Of(Due(declared: false)), WorkList.Of(Due(declared: true)), WorkList.Of(toVote));
        }
    }
}
