using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.CallsSummary;

internal sealed class EnvelopeByWindow(CallsSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var windows = data.Calls.GroupBy(call => call.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        c.Heading(l.T("Envelope by window"), 2);
        c.Table(t =>
        {
            t.Column(l.T("Window"), 2);
            t.Column(l.T("Calls"), 1, Align.Right);
            t.Column(l.T("Envelope"), 2, Align.Right);
            foreach (var window in windows) t.Row(window.Key, l.Count(window.Count()), l.Usd(window.Sum(call => call.Envelope)));
        });
        c.Spacing(6);
        c.BarChart(l.T("Total envelope by funding window (USD)"), windows.Select(g => (g.Key, (double)g.Sum(call => call.Envelope))).ToList(),
            height: 150);
    }
}
