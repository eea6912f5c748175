using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>Applications submitted in the year by regional group: received, eligible, approved.</summary>
internal sealed class SelectionSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Section(l.T("Calls for proposals and selection"));
        if (data.Selection.Count == 0)
        {
            c.Paragraph(l.F("No application was submitted in {0}.", l.Year(data.Year)));
            return;
        }
        c.Table(t =>
        {
            t.Column(l.T("Regional group"), 3);
            t.Column(l.T("Received"), 1, Align.Right);
            t.Column(l.T("Eligible"), 1, Align.Right);
            t.Column(l.T("Approved"), 1, Align.Right);
            foreach (var line in data.Selection)
                t.Row(line.RegionalGroup, l.Count(line.Received), l.Count(line.Eligible), l.Count(line.Approved));
            t.TotalRow(l.T("Total"), l.Count(data.Selection.Sum(s => s.Received)), l.Count(data.Selection.Sum(s => s.Eligible)),
                l.Count(data.Selection.Sum(s => s.Approved)));
        });
        c.Note(l.T("Applications submitted in the year, by the regional group of the country where the project would run."));
        c.Spacing(6);
        c.StackedBarChart(l.T("Applications received by regional group"),
            data.Selection.Select(s => ShortGroupName(s.RegionalGroup)).ToList(),
            [
                new ChartSeries(l.T("Eligible"), data.Selection.Select(s => (double)s.Eligible).ToList()),
                new ChartSeries(l.T("Not eligible or not yet screened"), data.Selection.Select(s => (double)(s.Received - s.Eligible)).ToList()),
            ], height: 200);
    }

    /// <summary>"Latin American and Caribbean States" → "Latin American and Caribbean": five group names must fit side by side.</summary>
    internal static string ShortGroupName(string name) => name.EndsWith(" States", StringComparison.Ordinal) ? name[..^7] : name;
}
