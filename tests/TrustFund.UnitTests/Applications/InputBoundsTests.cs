using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Applications;

/// <summary>The entities refuse what the forms refuse, and add up counts stored before the bounds without overflow.</summary>
public sealed class InputBoundsTests
{
    [Fact]
    public void NarrativeProblems_OfCountsStoredBeyondTheBounds_AreAddedUpWithoutOverflow()
    {
        var narrative = NarrativeReport.Empty with { BySex = [new("Female", int.MaxValue), new("Male", int.MaxValue)], Activities = "Shelter." };

        var problems = narrative.Problems();

        Assert.Contains(problems, p => p.Message == "Enter a number of people from 0 to 1,000,000 in each cell.");
        Assert.Contains(problems, p => p.Field == "ByAgeGroup" && (long)p.Arguments[1] == 2L * int.MaxValue);
    }

    [Fact]
    public void SaveNarrative_ANegativeCount_IsRefused()
    {
        var report = GrantReportWithoutContent(GrantReportKind.InterimNarrative);

        var refused = Assert.Throws<DomainException>(() =>
            report.SaveNarrative(NarrativeReport.Empty with { BySex = [new("Female", -3)] }));

        Assert.Equal("Enter a number of people from 0 to 1,000,000 in each cell.", refused.Template);
    }

    [Fact]
    public void SaveFinancial_NegativeSpending_IsRefused()
    {
        var report = GrantReportWithoutContent(GrantReportKind.InterimFinancial);

        Assert.Throws<DomainException>(() => report.SaveFinancial(new FinancialReport([new ExpenditureLine("Travel", "Bus", 100, -10, null)])));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(InputLimits.MaxPeople + 1)]
    [InlineData(int.MaxValue)]
    public void InputLimits_RefuseCountsOutsideZeroToAMillion(int count) => Assert.False(InputLimits.IsPeopleCount(count));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100000000.01")]
    [InlineData("10.005")]
    public void InputLimits_RefuseAmountsOutOfBoundsOrBelowACent(string amount) =>
        Assert.False(InputLimits.IsAmount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void InputLimits_RefuseDatesOutsideTheWindow()
    {
        Assert.False(InputLimits.IsInDateWindow(new DateOnly(1, 1, 1)));
        Assert.False(InputLimits.IsInDateWindow(new DateOnly(9999, 12, 31)));
        Assert.True(InputLimits.IsInDateWindow(null));
    }

    private static GrantReport GrantReportWithoutContent(GrantReportKind kind) => new(Guid.NewGuid(), kind, new DateOnly(2027, 6, 30));
}
