using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>The secretariat's view of who reviews what in a call: assignments, declarations, pre-flags and loads.</summary>
public static class GetReviewAssignments
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<Result>;

    public sealed record Result(Guid CallId, LocalizedText CallTitle, IReadOnlyList<Row> Applications, IReadOnlyList<ReviewerLoad> Reviewers);

    public sealed record Row(Guid ApplicationId, string ReferenceNumber, string Organisation, string CountryIso2, ApplicationStatus Status,
        IReadOnlyList<AssignedReviewer> Assigned, IReadOnlyList<Candidate> Candidates);

    public sealed record AssignedReviewer(Guid UserId, string Name, ConflictStanding Standing, bool Completed);

    /// <summary>A reviewer who could still be assigned, with the likely conflicts the secretariat should weigh.</summary>
    public sealed record Candidate(Guid UserId, string Name, IReadOnlyList<LikelyConflict> Flags);

    public sealed record ReviewerLoad(Guid UserId, string Name, bool IsTrustee, LocalizedText? RegionalGroup, int Assigned);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().Where(c => c.Id == query.CallId).Select(c => new { c.Title }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("call", query.CallId);
            var reviewers = await ReviewerDirectory.AvailableAsync(db, ReviewerDirectory.Today(clock), includeTechnical: true, ct);
            var rows = await (from a in db.Applications.AsNoTracking()
                              join o in db.Organisations on a.OrganisationId equals o.Id
                              where a.CallId == query.CallId
                                    && (a.Status == ApplicationStatus.Eligible || ReviewerDirectory.InReview.Contains(a.Status))
                              orderby a.ReferenceNumber
                              select new { a.Id, a.ReferenceNumber, o.LegalName, o.CountryIso2, a.Status, OrganisationId = o.Id }).ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => a.CallId == query.CallId)
                .Select(a => new { a.ApplicationId, a.ReviewerUserId }).ToListAsync(ct);
            var declared = (await db.LatestDeclarations().AsNoTracking().Where(d => ids.Contains(d.ApplicationId))
                .Select(d => new { d.ApplicationId, d.ReviewerUserId, d.HasConflict }).ToListAsync(ct))
                .ToDictionary(d => (d.ApplicationId, d.ReviewerUserId), d => d.HasConflict ? ConflictStanding.Conflicted : ConflictStanding.NoConflict);
            var completed = (await db.Assessments.AsNoTracking().Where(s => s.CallId == query.CallId && s.CompletedAt != null)
                .Select(s => new { s.ApplicationId, s.ReviewerUserId }).ToListAsync(ct)).Select(s => (s.ApplicationId, s.ReviewerUserId)).ToHashSet();
            var assignedIds = assignments.Select(a => a.ReviewerUserId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => assignedIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            foreach (var r in reviewers) names[r.UserId] = r.Name;
            var likely = await ReviewerDirectory.LikelyConflictsAsync(db, reviewers,
                rows.Select(r => new ReviewerDirectory.Applicant(r.Id, r.OrganisationId, r.CountryIso2)).ToList(), ct);

            var result = rows.Select(r =>
            {
                var on = assignments.Where(a => a.ApplicationId == r.Id).Select(a => a.ReviewerUserId).ToHashSet();
                var assigned = on.Select(id => new AssignedReviewer(id, names.GetValueOrDefault(id, "?"),
                    declared.GetValueOrDefault((r.Id, id), ConflictStanding.NotDeclared), completed.Contains((r.Id, id))))
                    .OrderBy(a => a.Name).ToList();
                // Only an application still open to review takes another reviewer (AssignReviewer refuses the others):
                // a shortlisted or decided one is listed with its reviewers and offers no "assign" button bound to fail.
                var candidates = !ReviewerDirectory.Assignable.Contains(r.Status) ? [] : reviewers
                    .Where(v => !on.Contains(v.UserId) && declared.GetValueOrDefault((r.Id, v.UserId)) != ConflictStanding.Conflicted)
                    .Select(v => new Candidate(v.UserId, v.Name, likely(r.Id, v.UserId))).ToList();
                return new Row(r.Id, r.ReferenceNumber ?? "", r.LegalName, r.CountryIso2, r.Status, assigned, candidates);
            }).ToList();
            var loads = reviewers.Select(v => new ReviewerLoad(v.UserId, v.Name, v.IsTrustee, v.RegionalGroup, assignments.Count(a => a.ReviewerUserId == v.UserId))).ToList();
            return new Result(query.CallId, call.Title, result, loads);
        }
    }
}
