using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Grants;

public sealed class GrantClosureTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 4, 1);

    private static GrantAgreement SignedGrant()
    {
        var grant = new GrantAgreement(Guid.NewGuid(), Guid.NewGuid(), "NGO", "GA-1", 30_000, Start, Start.AddMonths(6),
            [new GrantBudgetLine("DirectAssistance", "Shelter", 20_000), new GrantBudgetLine("Staff", "Social workers", 10_000)], Now);
        grant.Sign(Now, "manager");
        return grant;
    }

    private static void AcceptFinal(GrantAgreement grant, params decimal[] spent)
    {
        foreach (var report in grant.Reports.Where(r => r.IsFinal))
        {
            if (report.Kind == GrantReportKind.FinalFinancial && spent.Length > 0)
                report.SaveFinancial(new FinancialReport(FinancialReport.For(grant.Budget).Lines
                    .Select((l, i) => l with { Spent = spent[i], Explanation = "Explained." }).ToList()));
            report.Submit(Now);
            report.Accept(Now, "manager");
        }
    }

    [Fact]
    public void StartClosure_TakesTheExpenditureFromTheAcceptedFinalFinancialReport()
    {
        var grant = SignedGrant();
        AcceptFinal(grant, 18_000.25m, 9_500.50m);

        var refund = grant.StartClosure(disbursed: 30_000, paymentsPending: false, Now);

        Assert.Equal((27_500.75m, 2_499.25m, GrantStatus.RefundRequested), (grant.ReportedExpenditure, refund, grant.Status));
    }

    [Fact]
    public void StartClosure_WithoutAnAcceptedFinalFinancialReport_IsRefused()
    {
        var grant = SignedGrant();

        var error = Assert.Throws<DomainException>(() => grant.StartClosure(30_000, false, Now));

        Assert.Equal("The final financial report must be accepted before closure: its expenditure gives the unspent balance.", error.Message);
        Assert.Equal(GrantStatus.Signed, grant.Status);
    }

    [Fact]
    public void StartClosure_AcceptedFinalFinancialReportWithoutLines_IsRefused()
    {
        var grant = SignedGrant();
        AcceptFinal(grant);

        var error = Assert.Throws<DomainException>(() => grant.StartClosure(30_000, false, Now));

        Assert.Equal("The accepted final financial report has no expenditure lines, so the unspent balance cannot be computed.", error.Message);
    }
}
