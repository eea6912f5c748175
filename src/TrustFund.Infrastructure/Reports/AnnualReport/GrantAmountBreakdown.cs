using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>
/// The grants grouped one way (region, country, window) as "label / grants / USD / share of USD", largest first, with the
/// list's total, so every breakdown adds up to the same figure.
/// </summary>
internal sealed class GrantAmountBreakdown(DocumentLanguage l, string title, IReadOnlyList<AnnualReportData.GrantLine> grants,
    Func<AnnualReportData.GrantLine, string> key) : IComponent
{
    public IReadOnlyList<IGrouping<string, AnnualReportData.GrantLine>> Groups { get; } = grants.GroupBy(key)
        .OrderByDescending(g => g.Sum(x => x.Usd)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    public void Compose(ContentBuilder c)
    {
        var total = grants.Sum(g => g.Usd);
        c.Table(t =>
        {
            t.Column(title, 3);
            t.FixedColumn(l.T("Grants"), 50, Align.Right);
            t.FixedColumn("USD", 96, Align.Right);
            t.FixedColumn(l.T("Share"), 50, Align.Right);
            foreach (var g in Groups) t.Row(g.Key, l.Count(g.Count()), l.Amount(g.Sum(x => x.Usd)), l.Share(g.Sum(x => x.Usd), total));
            t.TotalRow(l.T("Total"), l.Count(grants.Count), l.Amount(total), l.Whole(total));
        });
    }
}
