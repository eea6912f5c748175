using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.UnitTests.Review;

public sealed class AssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<RubricCriterion> Rubric = [new("Relevance", 40), new("Capacity", 60)];

    private static Assessment New() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void WeightedTotal_WeighsEachScore_OnTheOneToFiveScale()
    {
        var assessment = New();
        assessment.SaveDraft(Rubric, [new("Relevance", 5, null), new("Capacity", 3, "ok")], Now);
        Assert.Equal(3.80m, assessment.WeightedTotal(Rubric));
    }

    [Fact]
    public void Complete_WithACriterionUnscored_IsRefused()
    {
        var assessment = New();
        assessment.SaveDraft(Rubric, [new("Relevance", 5, null)], Now);
        Assert.Null(assessment.WeightedTotal(Rubric));
        var error = Assert.Throws<DomainException>(() => assessment.Complete(Rubric, Now));
        Assert.Equal("Score every criterion before completing the assessment.", error.Message);
    }

    [Fact]
    public void CompletedAssessment_IsLocked_UntilReopenedWithAReason()
    {
        var assessment = New();
        assessment.SaveDraft(Rubric, [new("Relevance", 4, null), new("Capacity", 4, null)], Now);
        assessment.Complete(Rubric, Now);

        Assert.Throws<DomainException>(() => assessment.SaveDraft(Rubric, [new("Relevance", 1, null), new("Capacity", 1, null)], Now));
        Assert.Throws<DomainException>(() => assessment.Reopen(" ", "manager", Now));
        assessment.Reopen("Scores swapped by mistake.", "manager", Now);
        assessment.SaveDraft(Rubric, [new("Relevance", 1, null), new("Capacity", 1, null)], Now);

        Assert.False(assessment.IsCompleted);
        Assert.Equal("Scores swapped by mistake.", Assert.Single(assessment.Reopenings).Reason);
    }

    [Fact]
    public void SaveDraft_ScoreOutsideOneToFive_IsRefused()
    {
        Assert.Throws<DomainException>(() => New().SaveDraft(Rubric, [new("Relevance", 6, null)], Now));
        Assert.Throws<DomainException>(() => New().SaveDraft(Rubric, [new("Relevance", 0, null)], Now));
        Assert.Throws<DomainException>(() => New().SaveDraft(Rubric, [new("Unknown", 3, null)], Now));
    }

    [Fact]
    public void Spread_AboveOnePoint_IsALargeDisagreement()
    {
        Assert.False(Scoring.IsLargeSpread([3.0m, 4.0m]));
        Assert.True(Scoring.IsLargeSpread([2.9m, 4.0m]));
        Assert.Equal(0m, Scoring.Spread([4.2m]));
    }
}
