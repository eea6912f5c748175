using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// Who applied stays hidden from trustees while an application of a blind-review call is being scored: its name,
/// country and attachments are shown only once every assigned reviewer who has not declared a conflict has completed
/// (and so locked) their assessment. The secretariat always sees them, and the conflict pre-flags are computed from
/// the real data (<see cref="ReviewerDirectory"/>), so a trustee still learns of a likely conflict.
/// </summary>
internal static class BlindReview
{
    /// <summary>Those of <paramref name="applicationIds"/> whose applicant this person may not see yet.</summary>
    public static async Task<HashSet<Guid>> HiddenFromAsync(this TrustFundDbContext db, ICurrentUser user, IReadOnlyCollection<Guid> applicationIds,
        CancellationToken ct)
    {
        if (user.IsInRole(Roles.FundManager) || applicationIds.Count == 0) return [];
        var ids = applicationIds.Distinct().ToList();
        var hidden = await (from a in db.Applications.AsNoTracking()
                            join c in db.Calls on a.CallId equals c.Id
                            where ids.Contains(a.Id) && c.BlindReview
                                  && db.ReviewAssignments.Any(r => r.ApplicationId == a.Id
                                      && !db.Assessments.Any(s => s.ApplicationId == a.Id && s.ReviewerUserId == r.ReviewerUserId && s.CompletedAt != null)
                                      && !db.Recusals().Any(d => d.ApplicationId == a.Id && d.ReviewerUserId == r.ReviewerUserId))
                            select a.Id).ToListAsync(ct);
        return [.. hidden];
    }
}
