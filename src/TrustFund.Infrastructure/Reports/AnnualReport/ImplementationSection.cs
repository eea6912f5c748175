using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>Every grant under implementation in the year, where it stands at the report's date.</summary>
internal sealed class ImplementationSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var year = l.Year(data.Year);
        c.Section(l.T("Implementation status per grant"));
        if (data.Implementation.Count == 0)
        {
            c.Paragraph(l.F("No grant was under implementation in {0}.", year));
            return;
        }
        c.Paragraph(l.F("Grants signed by 31 December {0} whose period had not ended before 1 January {0}, as they stand on {1}, the date of this report: the agreement's status, the amount disbursed according to the fund's journal, and the grantee's reports accepted out of those due so far.",
            year, l.Date(DateOnly.FromDateTime(data.IssuedAt.UtcDateTime))), TextAlignment.Justify);
        c.Table(t =>
        {
            t.FixedColumn(l.T("Grant"), 122);
            t.Column(l.T("Grantee"), 3);
            t.FixedColumn(l.T("Status"), 48);
            t.FixedColumn(l.T("Ends"), 64);
            t.FixedColumn(l.T("Disbursed"), 72, Align.Right);
            t.FixedColumn(l.T("Reports"), 46, Align.Center);
            foreach (var g in data.Implementation)
                t.Row(g.Reference, $"{g.Grantee} ({g.Country})", g.Status, l.Date(g.EndDate), l.Amount(g.DisbursedUsd),
                    $"{g.ReportsAccepted} / {g.ReportsDue}");
            t.TotalRow(l.T("Total"), l.Plural(data.Implementation.Count, "{0} grant", "{0} grants"), "", "",
                l.Amount(data.Implementation.Sum(g => g.DisbursedUsd)), "");
        });
        var (accepted, due) = (data.Implementation.Sum(g => g.ReportsAccepted), data.Implementation.Sum(g => g.ReportsDue));
        c.Note(l.T("Reports: narrative and financial reports accepted by the secretariat / reports due by the date of this report (a report accepted before its due date counts as due).")
            + " " + (due == 0 ? l.T("No report was due by the date of this report.")
                : l.F("In all, {0} of {1} reports due are accepted.", l.Count(accepted), l.Count(due))));
    }
}
