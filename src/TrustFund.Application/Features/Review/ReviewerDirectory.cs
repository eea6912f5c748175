using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>Who can review (serving trustees, and the secretariat's technical reviewers) and the conflicts the system foresees.</summary>
internal static class ReviewerDirectory
{
    /// <summary>A reviewer; a trustee with the regional group of their seat (a technical reviewer has neither group nor nationality).</summary>
    public sealed record Reviewer(Guid UserId, string Name, bool IsTrustee, string? NationalityIso2, LocalizedText? RegionalGroup = null);

    public sealed record Applicant(Guid ApplicationId, Guid OrganisationId, string CountryIso2);

    public static readonly ApplicationStatus[] Assignable = [ApplicationStatus.Eligible, ApplicationStatus.UnderReview];

    /// <summary>
    /// Statuses from review onwards, listed rather than compared: the status is stored as text, so "&gt;=" in a query
    /// would compare names alphabetically.
    /// </summary>
    public static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected,
        ApplicationStatus.Recommended, ApplicationStatus.Approved, ApplicationStatus.Rejected,
    ];

    public static DateOnly Today(TimeProvider clock) => Domain.Common.FundCalendar.Today(clock);

    /// <summary>Serving trustees first (by name), then, if asked, the fund managers as technical reviewers.</summary>
    public static async Task<IReadOnlyList<Reviewer>> AvailableAsync(TrustFundDbContext db, DateOnly today, bool includeTechnical,
        CancellationToken ct)
    {
        var serving = (await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct)).Where(a => a.IsServingOn(today))
            .ToDictionary(a => a.TrusteeUserId);
        var groups = await db.RegionalGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var trusteeIds = serving.Keys.ToList();
        var trustees = await db.Users.AsNoTracking().Where(u => trusteeIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var list = trustees.OrderBy(u => u.DisplayName).Select(u => new Reviewer(u.Id, u.DisplayName, true, serving[u.Id].NationalityIso2,
            groups.GetValueOrDefault(serving[u.Id].RegionalGroupCode))).ToList();
        if (includeTechnical)
        {
            var managers = await db.Users.AsNoTracking()
                .Where(u => !trusteeIds.Contains(u.Id)
                            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FundManager)))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            list.AddRange(managers.Select(u => new Reviewer(u.Id, u.DisplayName, false, null)));
        }
        return list;
    }

    public static async Task<IReadOnlyList<Applicant>> ApplicantsAsync(TrustFundDbContext db, IQueryable<GrantApplication> applications,
        CancellationToken ct) =>
        await (from a in applications.AsNoTracking()
               join o in db.Organisations on a.OrganisationId equals o.Id
               orderby a.ReferenceNumber
               select new Applicant(a.Id, o.Id, o.CountryIso2)).ToListAsync(ct);

    /// <summary>The likely conflicts of every reviewer on every application, from two queries whatever the numbers.</summary>
    public static async Task<Func<Guid, Guid, IReadOnlyList<LikelyConflict>>> LikelyConflictsAsync(TrustFundDbContext db,
        IReadOnlyList<Reviewer> reviewers, IReadOnlyList<Applicant> applicants, CancellationToken ct)
    {
        var reviewerIds = reviewers.Select(r => r.UserId).ToList();
        var affiliations = (await db.DeclaredAffiliations.AsNoTracking().Where(a => reviewerIds.Contains(a.ReviewerUserId))
                .Select(a => new { a.ReviewerUserId, a.OrganisationId }).ToListAsync(ct))
            .ToLookup(a => a.ReviewerUserId, a => a.OrganisationId);
        var byId = reviewers.ToDictionary(r => r.UserId);
        var applicantsById = applicants.ToDictionary(a => a.ApplicationId);
        return (applicationId, reviewerId) =>
        {
            var applicant = applicantsById[applicationId];
            var nationality = byId.TryGetValue(reviewerId, out var reviewer) ? reviewer.NationalityIso2 : null;
            return ConflictRules.LikelyConflicts(nationality, affiliations[reviewerId], applicant.CountryIso2, applicant.OrganisationId);
        };
    }

    /// <summary>The nationality of a reviewer who is a serving trustee (technical reviewers have none on record).</summary>
    public static async Task<string?> NationalityAsync(TrustFundDbContext db, Guid userId, DateOnly today, CancellationToken ct) =>
        (await db.TrusteeAppointments.AsNoTracking().Where(a => a.TrusteeUserId == userId).ToListAsync(ct))
        .FirstOrDefault(a => a.IsServingOn(today))?.NationalityIso2;

    public static async Task<IReadOnlyList<LikelyConflict>> LikelyConflictsAsync(TrustFundDbContext db, Guid reviewerId, Guid applicationId,
        DateOnly today, CancellationToken ct)
    {
        var applicant = await (from a in db.Applications.AsNoTracking()
                               join o in db.Organisations on a.OrganisationId equals o.Id
                               where a.Id == applicationId
                               select new { o.Id, o.CountryIso2 }).SingleAsync(ct);
        var affiliations = await db.DeclaredAffiliations.AsNoTracking().Where(a => a.ReviewerUserId == reviewerId)
            .Select(a => a.OrganisationId).ToListAsync(ct);
        return ConflictRules.LikelyConflicts(await NationalityAsync(db, reviewerId, today, ct), affiliations, applicant.CountryIso2, applicant.Id);
    }
}
