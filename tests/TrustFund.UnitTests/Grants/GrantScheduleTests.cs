using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Grants;

public sealed class GrantScheduleTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static GrantAgreement Grant(decimal amount, DateOnly? end = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Casa Esperanza", "GA-1", amount, Start, end ?? Start.AddMonths(12).AddDays(-1),
            [new GrantBudgetLine("DirectAssistance", "Shelter", amount)], Now);

    [Theory]
    [InlineData(5_000, 1)]
    [InlineData(20_000, 1)]        // up to 20,000 inclusive: one instalment on signature
    [InlineData(20_000.01, 2)]
    [InlineData(60_000, 2)]
    public void DefaultInstalments_FollowTheTwentyThousandDollarRule(decimal amount, int count)
    {
        var instalments = GrantSchedule.DefaultInstalments(amount);

        Assert.Equal(count, instalments.Count);
        Assert.Equal(100m, instalments.Sum(i => i.Percent));
        Assert.Equal(InstalmentCondition.OnSignature, instalments[0].Condition);
        if (count == 2) Assert.Equal(InstalmentCondition.AfterInterimReportsAccepted, instalments[1].Condition);
    }

    [Fact]
    public void Check_ScheduleNotAddingUpToHundred_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => GrantSchedule.Check(
            [new Instalment(1, 50, InstalmentCondition.OnSignature), new Instalment(2, 40, InstalmentCondition.AfterInterimReportsAccepted)]));

        Assert.Equal("The instalments add up to {0}%; they must add up to 100%.", error.Template);
    }

    [Fact]
    public void Amounts_ThreeThirds_AddUpToTheGrantToTheCent()
    {
        var thirds = new[] { 33.33m, 33.33m, 33.34m }.Select((p, i) => new Instalment(i + 1, p, InstalmentCondition.OnSignature)).ToList();

        var amounts = GrantSchedule.Amounts(10_000m, thirds);

        Assert.Equal([3_333.00m, 3_333.00m, 3_334.00m], amounts);
        Assert.Equal([3_333.33m, 3_333.33m, 3_333.34m],
            GrantSchedule.Amounts(10_000m, [new(1, 33.3333m, default), new(2, 33.3333m, default), new(3, 33.3334m, default)]));
    }

    [Fact]
    public void Reports_TwelveMonthSingleInstalmentGrant_HasOnlyFinalReportsDueTwoMonthsAfterTheEnd()
    {
        var grant = Grant(15_000);

        Assert.Equal([GrantReportKind.FinalNarrative, GrantReportKind.FinalFinancial], grant.Reports.Select(r => r.Kind));
        Assert.All(grant.Reports, r => Assert.Equal(new DateOnly(2028, 2, 29), r.DueOn));   // 31 December + 2 months, leap year
    }

    [Fact]
    public void Reports_GrantOverTwelveMonths_HasInterimReportsAtMidTerm()
    {
        var grant = Grant(15_000, end: new DateOnly(2028, 6, 30));   // 18 months

        var interim = grant.Reports.Where(r => r.IsInterim).ToList();
        Assert.Equal(2, interim.Count);
        Assert.All(interim, r => Assert.Equal(new DateOnly(2027, 10, 1), r.DueOn));   // half of 546 days after the start
        Assert.All(grant.Reports.Where(r => r.IsFinal), r => Assert.Equal(new DateOnly(2028, 8, 30), r.DueOn));
    }

    [Fact]
    public void Reports_SecondInstalmentWaitingForInterimReports_SchedulesThemEvenForTwelveMonths()
    {
        var grant = Grant(40_000);

        Assert.Equal(4, grant.Reports.Count);
        Assert.Contains(grant.Reports, r => r.Kind == GrantReportKind.InterimFinancial);
    }

    [Theory]
    [InlineData(49_999.99, false)]
    [InlineData(50_000, true)]
    public void AuditRequired_FromFiftyThousandDollars(decimal amount, bool required) =>
        Assert.Equal(required, Grant(amount).AuditRequired);

    [Fact]
    public void Sign_BudgetNotMatchingTheAmount_IsRefused()
    {
        var grant = new GrantAgreement(Guid.NewGuid(), Guid.NewGuid(), "NGO", "GA-2", 30_000, Start, Start.AddMonths(6),
            [new GrantBudgetLine("DirectAssistance", "Shelter", 40_000)], Now);

        var error = Assert.Throws<DomainException>(() => grant.Sign(Now, "manager"));

        Assert.StartsWith("The budget lines add up to", error.Message);
        Assert.Equal(GrantStatus.Draft, grant.Status);
    }

    [Fact]
    public void Change_AfterSigning_NeedsAReason_AndIsNumbered()
    {
        var grant = Grant(15_000);
        grant.Sign(Now, "manager");
        var later = Start.AddMonths(15);

        Assert.Throws<DomainException>(() => grant.Change(15_000, Start, later, grant.Budget, grant.Instalments, null, 1, 15_000, Now, "manager"));
        grant.Change(15_000, Start, later, grant.Budget, grant.Instalments, "Project extended", 1, 15_000, Now, "manager");
        grant.Change(18_000, Start, later, [new GrantBudgetLine("DirectAssistance", "Shelter", 18_000)], grant.Instalments, "Top-up", 1, 15_000, Now, "manager");

        Assert.Equal([1, 2], grant.Amendments.Select(a => a.Number));
        Assert.Contains("period", grant.Amendments[0].Changes);
        Assert.Contains("amount USD 15,000.00 → USD 18,000.00", grant.Amendments[1].Changes);
        // The period now runs over 12 months: interim reports are added.
        Assert.Contains(grant.Reports, r => r.IsInterim);
    }

    [Fact]
    public void Change_AfterSigning_BudgetNotMatchingTheNewAmount_IsRefused()
    {
        var grant = Grant(15_000);
        grant.Sign(Now, "manager");

        Assert.Throws<DomainException>(() => grant.Change(18_000, Start, grant.EndDate, grant.Budget, grant.Instalments, "Top-up", 1, 15_000, Now, "m"));
        Assert.Equal(15_000m, grant.Amount);
        Assert.Empty(grant.Amendments);
    }

    [Fact]
    public void Change_LoweringTheAmountBelowWhatWasRequested_IsRefused()
    {
        var grant = Grant(40_000);
        grant.Sign(Now, "manager");

        Assert.Throws<DomainException>(() => grant.Change(10_000, Start, grant.EndDate, [new("DirectAssistance", "Shelter", 10_000)],
            grant.Instalments, "Cut", 1, 20_000, Now, "m"));
    }

    [Fact]
    public void Change_AnInstalmentAlreadyRequested_IsRefused()
    {
        var grant = Grant(40_000);
        grant.Sign(Now, "manager");

        Assert.Throws<DomainException>(() => grant.Change(40_000, Start, grant.EndDate, grant.Budget,
            [new(1, 60, InstalmentCondition.OnSignature), new(2, 40, InstalmentCondition.AfterInterimReportsAccepted)], "Front-load", 1, 20_000, Now, "m"));
    }
}
