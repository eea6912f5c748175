using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>The cash-basis statement of the year and the commitments at its end, for the fund manager to certify.</summary>
internal sealed class FinancialStatementSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var statement = data.Statement;
        var year = l.Year(data.Year);
        c.Section(l.T("Financial statement"));
        c.Paragraph(l.F("Statement of income, expenditure and changes in the fund balance for the year ended 31 December {0} (cash basis, US dollars). Every line is the sum of the fund's journal entries of that kind, corrections included.", year),
            TextAlignment.Justify);
        c.Component(new UsdStatementTable(l, "",
        [
            (l.F("Fund balance at 1 January {0}", year), statement.OpeningBalance, false),
            (l.T("Contributions received"), statement.Contributions, false),
            (l.T("Refunds from grantees"), statement.Refunds, false),
            (l.T("Total income"), statement.TotalIncome, true),
            (l.T("Disbursements to grantees"), statement.Disbursements, false),
            (l.T("Programme support costs"), statement.Psc, false),
            (l.T("Total expenditure"), statement.TotalExpenditure, true),
            (l.T("Excess of income over expenditure"), statement.TotalIncome - statement.TotalExpenditure, false),
            (l.F("Fund balance at 31 December {0}", year), statement.ClosingBalance, true),
        ]));
        c.Spacing(8);
        c.Component(new UsdStatementTable(l, l.T("Commitments"),
        [
            (l.T("Grant obligations raised in the year"), statement.ObligationsRaised, false),
            (l.T("Obligations liquidated by payment"), statement.ObligationsLiquidated, false),
            (l.T("Obligations released"), statement.ObligationsReleased, false),
            (l.T("Open obligations at 31 December"), statement.OpenObligationsAtEnd, false),
            (l.T("Operating reserve"), statement.OperatingReserveAtEnd, false),
            (l.T("Available for new grants"), statement.AvailableAtEnd, true),
        ]));
        c.Note(l.T("Available for new grants: the fund balance less open obligations, the programme support costs on them and the operating reserve."));
        c.Spacing(36);
        c.KeyValues((l.T("Certified by"), ""), (l.T("Title"), l.T("Fund Manager, UN Voluntary Trust Fund for Victims of Trafficking in Persons")),
            (l.T("Date"), ""));
    }
}
