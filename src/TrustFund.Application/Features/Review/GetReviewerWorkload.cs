using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// How much each reviewer has to do: assessments assigned and completed in this call, and assessments still to do
/// in every call (applications under review they are assigned to, have not completed, and have not declared a conflict on).
/// </summary>
public static class GetReviewerWorkload
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<IReadOnlyList<Load>>;

    /// <summary>A reviewer's load; a trustee with the regional group of their seat, so the manager can spread a call across regions.</summary>
    public sealed record Load(Guid UserId, string Name, bool IsTrustee, LocalizedText? RegionalGroup, int AssignedInCall, int CompletedInCall, int StillToDo);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Load>>
    {
        public async ValueTask<IReadOnlyList<Load>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Calls.AnyAsync(c => c.Id == query.CallId, ct)) throw new NotFoundException("call", query.CallId);
            var reviewers = await ReviewerDirectory.AvailableAsync(db, ReviewerDirectory.Today(clock), includeTechnical: true, ct);
            var ids = reviewers.Select(r => r.UserId).ToList();
            var assignments = await (from a in db.ReviewAssignments.AsNoTracking()
                                     join application in db.Applications on a.ApplicationId equals application.Id
                                     where ids.Contains(a.ReviewerUserId)
                                     select new
                                     {
                                         a.ReviewerUserId, a.CallId, UnderReview = application.Status == ApplicationStatus.UnderReview,
                                         Completed = db.Assessments.Any(s => s.ApplicationId == a.ApplicationId && s.ReviewerUserId == a.ReviewerUserId && s.CompletedAt != null),
                                         Recused = db.Recusals().Any(r => r.ApplicationId == a.ApplicationId && r.ReviewerUserId == a.ReviewerUserId),
                                     }).ToListAsync(ct);
            var byReviewer = assignments.ToLookup(a => a.ReviewerUserId);
            return reviewers.Select(r =>
            {
                var mine = byReviewer[r.UserId].ToList();
                return new Load(r.UserId, r.Name, r.IsTrustee, r.RegionalGroup,
                    mine.Count(a => a.CallId == query.CallId), mine.Count(a => a.CallId == query.CallId && a.Completed),
                    mine.Count(a => a.UnderReview && !a.Completed && !a.Recused));
            }).ToList();
        }
    }
}
