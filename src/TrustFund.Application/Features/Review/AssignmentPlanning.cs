using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>Why a reviewer is kept off an application: a declared conflict, or a conflict the system foresees.</summary>
public enum Exclusion
{
    ConflictDeclared,
    SameNationality,
    DeclaredAffiliation,
}

/// <summary>
/// The balanced plan the automatic assignment of a whole call and the bulk assignment of chosen applications share: the
/// load counts every assignment of the call, so a second run tops up without piling onto the same people, and nobody
/// is given an application they declared a conflict on or are pre-flagged for (nationality, declared affiliation).
/// </summary>
internal static class AssignmentPlanning
{
    public sealed record Planned(IReadOnlyList<ReviewerDirectory.Reviewer> Reviewers, IReadOnlyList<ReviewerDirectory.Applicant> Applicants,
        IReadOnlyList<(Guid ApplicationId, Guid ReviewerId)> Existing, BalancedAssignment.Plan Plan, Func<Guid, Guid, Exclusion?> Excluded);

    /// <summary>Plans for those of <paramref name="chosen"/> that belong to the call and may be assigned (eligible or under review).</summary>
    public static async Task<Planned> PlanAsync(TrustFundDbContext db, TimeProvider clock, Guid callId, IQueryable<GrantApplication> chosen,
        int perApplication, bool includeTechnical, CancellationToken ct)
    {
        var reviewers = await ReviewerDirectory.AvailableAsync(db, ReviewerDirectory.Today(clock), includeTechnical, ct);
        var applicants = await ReviewerDirectory.ApplicantsAsync(db,
            chosen.Where(a => a.CallId == callId && ReviewerDirectory.Assignable.Contains(a.Status)), ct);
        var likely = await ReviewerDirectory.LikelyConflictsAsync(db, reviewers, applicants, ct);
        var applicationIds = applicants.Select(a => a.ApplicationId).ToList();
        var conflicted = (await db.Recusals().Where(d => applicationIds.Contains(d.ApplicationId))
            .Select(d => new { d.ApplicationId, d.ReviewerUserId }).ToListAsync(ct))
            .Select(d => (d.ApplicationId, d.ReviewerUserId)).ToHashSet();
        var existing = (await db.ReviewAssignments.Where(a => a.CallId == callId)
            .Select(a => new { a.ApplicationId, a.ReviewerUserId }).ToListAsync(ct)).Select(a => (a.ApplicationId, a.ReviewerUserId)).ToList();

        Exclusion? Excluded(Guid application, Guid reviewer) =>
            conflicted.Contains((application, reviewer)) ? Exclusion.ConflictDeclared
            : likely(application, reviewer) is { Count: > 0 } flags
                ? flags[0] == LikelyConflict.SameNationality ? Exclusion.SameNationality : Exclusion.DeclaredAffiliation
                : null;

        var plan = BalancedAssignment.Balance(applicationIds, reviewers.Select(r => r.UserId).ToList(), existing,
            (application, reviewer) => Excluded(application, reviewer) is not null, perApplication);
        return new Planned(reviewers, applicants, existing, plan, Excluded);
    }

    /// <summary>Records the plan's new assignments; an eligible application that gets its first reviewer goes under review.</summary>
    public static async Task ApplyAsync(TrustFundDbContext db, ICurrentUser user, TimeProvider clock, Guid callId, BalancedAssignment.Plan plan,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (applicationId, reviewerId) in plan.NewAssignments)
            db.ReviewAssignments.Add(new ReviewAssignment(callId, applicationId, reviewerId, now, user.UserName));
        var started = plan.NewAssignments.Select(a => a.ApplicationId).Distinct().ToList();
        foreach (var application in await db.Applications.Where(a => started.Contains(a.Id) && a.Status == ApplicationStatus.Eligible).ToListAsync(ct))
            application.StartReview(now, user.UserName);
        await db.SaveChangesAsync(ct);
    }
}
