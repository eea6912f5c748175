using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// The scores of a call's applications, computed from the completed assessments in one query: weighted totals per
/// reviewer, averages, per-criterion averages, spread and rank. Assessments by reviewers who later declared a conflict
/// are left out: a conflicted opinion must not weigh on the ranking.
/// </summary>
public static class CallScores
{
    public sealed record ReviewerScore(Guid AssessmentId, Guid ReviewerUserId, decimal Total, IReadOnlyList<CriterionScore> Scores);

    public sealed record ApplicationScore(Guid ApplicationId, int Rank, decimal? Average, IReadOnlyList<decimal?> CriterionAverages,
        decimal Spread, bool LargeSpread, IReadOnlyList<ReviewerScore> Reviews);

    public sealed record Table(IReadOnlyList<RubricCriterion> Rubric, IReadOnlyDictionary<Guid, ApplicationScore> ByApplication);

    public static async Task<Table> ComputeAsync(TrustFundDbContext db, Guid callId, IReadOnlyCollection<Guid> applicationIds, CancellationToken ct)
    {
        var ids = applicationIds.ToList();
        var rubric = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => c.Rubric).SingleAsync(ct);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(s => s.CallId == callId && s.CompletedAt != null && ids.Contains(s.ApplicationId)
                        && !db.Recusals().Any(r => r.ApplicationId == s.ApplicationId && r.ReviewerUserId == s.ReviewerUserId))
            .ToListAsync(ct);
        var byApplication = assessments.ToLookup(s => s.ApplicationId);
        var scored = applicationIds.Select(id =>
        {
            var reviews = byApplication[id].Select(s => new ReviewerScore(s.Id, s.ReviewerUserId, s.WeightedTotal(rubric) ?? 0, s.Scores))
                .OrderByDescending(r => r.Total).ToList();
            var totals = reviews.Select(r => r.Total).ToList();
            var criterionAverages = rubric.Select(c =>
            {
                var values = reviews.Select(r => r.Scores.FirstOrDefault(s => s.Criterion == c.Name)?.Score).OfType<int>().ToList();
                return values.Count == 0 ? (decimal?)null : decimal.Round((decimal)values.Average(), 2);
            }).ToList();
            return new
            {
                Id = id, Reviews = reviews, Average = totals.Count == 0 ? (decimal?)null : decimal.Round(totals.Average(), 2),
                CriterionAverages = criterionAverages, Spread = Scoring.Spread(totals), Large = Scoring.IsLargeSpread(totals),
            };
        }).OrderByDescending(x => x.Average ?? -1).ToList();
        // Competition ranking ("1, 2, 2, 4"): equal averages share a rank; unscored applications come last, unranked (0).
        var result = new Dictionary<Guid, ApplicationScore>();
        for (var i = 0; i < scored.Count; i++)
        {
            var x = scored[i];
            var rank = x.Average is null ? 0 : i > 0 && scored[i - 1].Average == x.Average ? result[scored[i - 1].Id].Rank : i + 1;
            result[x.Id] = new ApplicationScore(x.Id, rank, x.Average, x.CriterionAverages, x.Spread, x.Large, x.Reviews);
        }
        return new Table(rubric, result);
    }
}
