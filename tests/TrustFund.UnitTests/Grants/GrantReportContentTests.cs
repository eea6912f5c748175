using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Grants;

public sealed class GrantReportContentTests
{
    [Theory]
    [InlineData(1150, false)] // exactly 15% over: allowed without approval
    [InlineData(850, false)]  // exactly 15% under
    [InlineData(1151, true)]
    [InlineData(849, true)]
    public void ExpenditureLine_VarianceAboveFifteenPercent_NeedsAnExplanation(decimal spent, bool needs)
    {
        var line = new ExpenditureLine("DirectAssistance", "Shelter", 1000, spent, null);

        Assert.Equal(needs, line.NeedsExplanation);
        Assert.Equal(needs, new FinancialReport([line]).Problems().Any(p => p.Field == "Lines[0].Explanation"));
    }

    [Fact]
    public void FinancialReport_LineWithoutAnAmount_IsAProblemNamingItsCategory_ButNotAVariance()
    {
        var report = new FinancialReport([new("Travel", "Bus", 1000, null, null), new("Personnel", "", 500, 0, "Nobody hired yet.")]);

        var problem = Assert.Single(report.Problems());
        Assert.Equal("Lines[0].Spent", problem.Field);
        Assert.Equal([TrustFund.Domain.Applications.BudgetCategory.Travel, " · Bus"], problem.Arguments);
        Assert.Null(report.Lines[0].Variance);
        Assert.False(report.Lines[0].NeedsExplanation);
        Assert.Equal(0m, report.SpentTotal);
        Assert.Equal(-500m, report.VarianceTotal);
    }

    [Fact]
    public void NarrativeReport_TotalsAgree_HasNoProblems()
    {
        var report = new NarrativeReport([new("Female", 3), new("Male", 2)], [new("Adult", 5)], [new("CO", 5)], [new("LAB", 5)], [],
            "Shelter", "", []);

        Assert.Empty(report.Problems());
    }

    [Fact]
    public void NarrativeReport_NationalityTotalDiffers_NamesTheNationalityField()
    {
        var report = new NarrativeReport([new("Female", 5)], [new("Adult", 5)], [new("CO", 4)], [new("LAB", 5)], [], "Shelter", "", []);

        var problem = Assert.Single(report.Problems());
        Assert.Equal("ByNationality", problem.Field);
        Assert.Equal([4L, 5L], problem.Arguments); // totals are added as long, so huge counts never overflow
    }

    [Fact]
    public void GrantReport_Submitted_CannotBeEditedUntilSentBackWithAComment()
    {
        var report = new GrantReport(Guid.NewGuid(), GrantReportKind.InterimNarrative, new DateOnly(2026, 6, 30));
        report.SaveNarrative(NarrativeReport.Empty);
        report.Submit(DateTimeOffset.UnixEpoch);

        Assert.Throws<DomainException>(() => report.SaveNarrative(NarrativeReport.Empty));
        Assert.Throws<DomainException>(() => report.SendBack(" "));
        report.SendBack("Add March.");
        report.SaveNarrative(NarrativeReport.Empty);
        Assert.Equal("Add March.", report.SentBackComment);
        Assert.Throws<DomainException>(() => report.SaveFinancial(FinancialReport.Empty));
    }
}
