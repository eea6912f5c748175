using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// An application as a reviewer sees it. Until the reviewer declares "no conflict" only who applied is shown (so
/// they can tell whether they have a stake), with the conflicts the system foresees; the details, the rubric and
/// their own scores come only after.
/// </summary>
public static class GetReviewApplication
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Query(Guid ApplicationId) : IQuery<Result>;

    public sealed record Result(Guid ApplicationId, string ReferenceNumber, string Organisation, string CountryIso2, LocalizedText CallTitle,
        ApplicationStatus Status, ConflictStanding Standing, IReadOnlyList<LikelyConflict> Flags, bool IsAssigned, Details? Details)
    {
        /// <summary>Blind review: who applied is withheld (name and country empty, the project's country left out) until the scores are locked.</summary>
        public bool Blind { get; init; }
    }

    public sealed record Details(ProjectSection Project, decimal RequestedAmount, IReadOnlyList<BudgetLine> Budget,
        IReadOnlyList<RubricCriterion> Rubric, IReadOnlyList<CriterionScore> MyScores, bool MyAssessmentCompleted, bool CanScore);

    public static readonly ApplicationStatus[] Scorable =
        [ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected];

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var today = ReviewerDirectory.Today(clock);
            if (!await ReviewDoor.MayApproachAsync(db, me, query.ApplicationId, today, ct)) throw new NotFoundException("application", query.ApplicationId);
            var found = await (from a in db.Applications.AsNoTracking()
                               join o in db.Organisations on a.OrganisationId equals o.Id
                               join c in db.Calls on a.CallId equals c.Id
                               where a.Id == query.ApplicationId
                               select new { Application = a, o.LegalName, o.CountryIso2, c.Title, c.Rubric }).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException("application", query.ApplicationId);
            var standing = await db.StandingAsync(me, query.ApplicationId, ct);
            var flags = await ReviewerDirectory.LikelyConflictsAsync(db, me, query.ApplicationId, today, ct);
            var assigned = await db.ReviewAssignments.AnyAsync(r => r.ApplicationId == query.ApplicationId && r.ReviewerUserId == me, ct);
            var blind = (await db.HiddenFromAsync(user, [query.ApplicationId], ct)).Count > 0;
            Details? details = null;
            if (ConflictRules.MayTakePart(standing))
            {
                var mine = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(s => s.ApplicationId == query.ApplicationId && s.ReviewerUserId == me, ct);
                var application = found.Application;
                details = new Details(blind ? application.Project with { ImplementationCountryIso2 = null } : application.Project, application.RequestedAmount, application.Budget, found.Rubric,
                    mine?.Scores ?? found.Rubric.Select(c => new CriterionScore(c.Name, null, null)).ToList(), mine?.IsCompleted == true,
                    assigned && Scorable.Contains(application.Status) && mine?.IsCompleted != true);
            }
            return new Result(found.Application.Id, found.Application.ReferenceNumber ?? "", blind ? "" : found.LegalName, blind ? "" : found.CountryIso2,
                found.Title, found.Application.Status, standing, flags, assigned, details) { Blind = blind };
        }
    }
}
