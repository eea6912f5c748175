using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// THE conflict-of-interest access rule (DOMAIN.md section 6). A reviewer takes part in an application (sees its
/// details and the others' scores, scores it, votes on it) only when their latest declaration on it is "no
/// conflict". Every review page, every query that shows scores and the vote go through this class, so the rule
/// cannot drift between doors.
/// </summary>
public static class ReviewAccess
{
    /// <summary>The shadow column that orders one reviewer's declarations on one application.</summary>
    public const string DeclarationOrder = "Sequence";

    /// <summary>Each reviewer's latest declaration per application, in SQL (no later declaration by the same person exists).</summary>
    public static IQueryable<ConflictDeclaration> LatestDeclarations(this TrustFundDbContext db) =>
        db.ConflictDeclarations.Where(d => !db.ConflictDeclarations.Any(later =>
            later.ApplicationId == d.ApplicationId && later.ReviewerUserId == d.ReviewerUserId
            && EF.Property<long>(later, DeclarationOrder) > EF.Property<long>(d, DeclarationOrder)));

    /// <summary>The applications this reviewer may take part in: the latest declaration says "no conflict".</summary>
    public static IQueryable<Guid> ApplicationsClearedFor(this TrustFundDbContext db, Guid reviewerId) =>
        db.LatestDeclarations().Where(d => d.ReviewerUserId == reviewerId && !d.HasConflict).Select(d => d.ApplicationId);

    /// <summary>(application, reviewer) pairs where the latest declaration is a conflict: the reviewer is recused.</summary>
    public static IQueryable<ConflictDeclaration> Recusals(this TrustFundDbContext db) => db.LatestDeclarations().Where(d => d.HasConflict);

    public static async Task<ConflictStanding> StandingAsync(this TrustFundDbContext db, Guid reviewerId, Guid applicationId, CancellationToken ct)
    {
        var declarations = await db.ConflictDeclarations.AsNoTracking()
            .Where(d => d.ReviewerUserId == reviewerId && d.ApplicationId == applicationId)
            .OrderBy(d => EF.Property<long>(d, DeclarationOrder)).ToListAsync(ct);
        return ConflictRules.Standing(declarations);
    }

    /// <summary>Refuses, with a message the reviewer can read, anything but a declared "no conflict".</summary>
    public static async Task EnsureMayTakePartAsync(this TrustFundDbContext db, Guid reviewerId, Guid applicationId, CancellationToken ct)
    {
        switch (await db.StandingAsync(reviewerId, applicationId, ct))
        {
            case ConflictStanding.NotDeclared:
                throw new DomainException("Declare whether you have a conflict of interest on this application first.");
            case ConflictStanding.Conflicted:
                throw new DomainException("You declared a conflict of interest on this application: you cannot see its scores, score it or vote on it.");
        }
    }

    public static Guid RequireUser(ICurrentUser user) => user.UserId ?? throw new DomainException("Sign in first.");
}

/// <summary>Who may come to an application in the review area at all (before the conflict question).</summary>
internal static class ReviewDoor
{
    /// <summary>
    /// An assigned reviewer, or a serving trustee (every trustee may vote on it in a board session) once the
    /// application is in review: drafts, applications not yet found eligible and withdrawn ones stay out of reach.
    /// </summary>
    public static async Task<bool> MayApproachAsync(TrustFundDbContext db, Guid userId, Guid applicationId, DateOnly today, CancellationToken ct)
    {
        var status = await db.Applications.Where(a => a.Id == applicationId).Select(a => (ApplicationStatus?)a.Status).SingleOrDefaultAsync(ct);
        if (status is null || status < ApplicationStatus.UnderReview || status == ApplicationStatus.Withdrawn) return false;
        return await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ReviewerUserId == userId, ct)
               || await ReviewerDirectory.NationalityAsync(db, userId, today, ct) is not null;
    }

    /// <summary>Scores may be seen by reviewers cleared on the application, and by the secretariat unless it declared a conflict.</summary>
    public static async Task EnsureMaySeeScoresAsync(TrustFundDbContext db, ICurrentUser user, Guid applicationId, CancellationToken ct)
    {
        var userId = ReviewAccess.RequireUser(user);
        var standing = await db.StandingAsync(userId, applicationId, ct);
        if (standing == ConflictStanding.NotDeclared && Applications.ApplicationAccess.IsSecretariat(user)) return;
        await db.EnsureMayTakePartAsync(userId, applicationId, ct);
    }
}
