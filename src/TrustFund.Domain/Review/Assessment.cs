using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Review;

public sealed record CriterionScore(string Criterion, int? Score, string? Comment);

public sealed record AssessmentReopening(DateTimeOffset At, string By, string Reason);

/// <summary>One reviewer's scoring of one application against the call's rubric: a draft until completed, then locked.</summary>
public sealed class Assessment : Entity
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    private Assessment() { }

    public Assessment(Guid callId, Guid applicationId, Guid reviewerUserId, DateTimeOffset now)
    {
        CallId = callId;
        ApplicationId = applicationId;
        ReviewerUserId = reviewerUserId;
        UpdatedAt = now;
    }

    public Guid CallId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ReviewerUserId { get; private set; }
    public List<CriterionScore> Scores { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public List<AssessmentReopening> Reopenings { get; private set; } = [];

    public bool IsCompleted => CompletedAt is not null;

    public void SaveDraft(IReadOnlyList<RubricCriterion> rubric, IEnumerable<CriterionScore> scores, DateTimeOffset now)
    {
        if (IsCompleted) throw new DomainException("This assessment is completed and locked; ask the secretariat to reopen it.");
        var list = scores.ToList();
        if (list.Any(s => rubric.All(c => c.Name != s.Criterion)))
            throw new DomainException("Score only the criteria of the call's rubric.");
        if (list.Any(s => s.Score is < MinScore or > MaxScore))
            throw new DomainException("Each score is a whole number from 1 to 5.");
        Scores = rubric.Select(c => list.FirstOrDefault(s => s.Criterion == c.Name) is { } s
            ? s with { Comment = string.IsNullOrWhiteSpace(s.Comment) ? null : s.Comment.Trim() }
            : new CriterionScore(c.Name, null, null)).ToList();
        UpdatedAt = now;
    }

    public void Complete(IReadOnlyList<RubricCriterion> rubric, DateTimeOffset now)
    {
        if (IsCompleted) throw new DomainException("This assessment is already completed.");
        if (rubric.Any(c => Scores.FirstOrDefault(s => s.Criterion == c.Name)?.Score is null))
            throw new DomainException("Score every criterion before completing the assessment.");
        CompletedAt = UpdatedAt = now;
    }

    /// <summary>Only the secretariat reopens a completed assessment, and says why.</summary>
    public void Reopen(string reason, string by, DateTimeOffset now)
    {
        if (!IsCompleted) throw new DomainException("Only a completed assessment can be reopened.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for reopening the assessment.");
        Reopenings = [.. Reopenings, new AssessmentReopening(now, by, reason.Trim())];
        CompletedAt = null;
        UpdatedAt = now;
    }

    /// <summary>The weighted total on the 1-5 scale, or null while a criterion is unscored.</summary>
    public decimal? WeightedTotal(IReadOnlyList<RubricCriterion> rubric) => Scoring.WeightedTotal(rubric, Scores);
}

/// <summary>The rubric arithmetic: weighted totals, averages and spread between reviewers.</summary>
public static class Scoring
{
    /// <summary>
    /// Reviewers "disagree strongly" on an application when their weighted totals are more than one point apart on the
    /// 1-5 scale: a full point is the difference between, say, "good" and "very good" on every criterion at once,
    /// which the secretariat should look at before ranking.
    /// </summary>
    public const decimal LargeSpread = 1.0m;

    public static decimal? WeightedTotal(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<CriterionScore> scores)
    {
        decimal total = 0;
        foreach (var criterion in rubric)
        {
            if (scores.FirstOrDefault(s => s.Criterion == criterion.Name)?.Score is not { } score) return null;
            total += score * criterion.Weight;
        }
        return decimal.Round(total / 100m, 2);
    }

    public static decimal Spread(IReadOnlyCollection<decimal> totals) => totals.Count < 2 ? 0 : totals.Max() - totals.Min();

    public static bool IsLargeSpread(IReadOnlyCollection<decimal> totals) => Spread(totals) > LargeSpread;
}
