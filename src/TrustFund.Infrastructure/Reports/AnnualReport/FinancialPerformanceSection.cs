using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>The year's money at a glance: income, expenditure, obligations and the closing balance, with a chart.</summary>
internal sealed class FinancialPerformanceSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var statement = data.Statement;
        c.Section(l.T("Financial performance"));
        c.Component(new UsdStatementTable(l, "",
        [
            (l.T("Income: contributions received and refunds from grantees"), statement.TotalIncome, false),
            (l.T("Expenditure: disbursements to grantees"), statement.Disbursements, false),
            (l.F("Programme support costs ({0})", l.Percent(data.Summary.PscRate)), statement.Psc, false),
            (l.T("Grant obligations raised"), statement.ObligationsRaised, false),
            (l.T("Fund balance at 31 December"), statement.ClosingBalance, true),
        ]));
        c.Spacing(6);
        c.BarChart(l.F("Income and expenditure in {0} (USD)", l.Year(data.Year)),
        [
            (l.T("Contributions"), (double)statement.Contributions), (l.T("Refunds"), (double)statement.Refunds),
            (l.T("Disbursements"), (double)statement.Disbursements), (l.T("PSC"), (double)statement.Psc),
        ], height: 160);
    }
}
