using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Infrastructure.Reports.Shared;

/// <summary>
/// One breakdown of a number of people as "label / count / share", with its total row unless the lines can overlap
/// (one person can receive several types of assistance).
/// </summary>
internal sealed class CountBreakdownTable(DocumentLanguage l, string title, string countTitle,
    IEnumerable<(string Label, int Count)> lines, int total, bool withTotal = true) : IComponent
{
    public void Compose(ContentBuilder content) => content.Table(t =>
    {
        t.Column(title, 3);
        t.FixedColumn(countTitle, 70, Align.Right);
        t.FixedColumn(l.T("Share"), 60, Align.Right);
        var sum = 0;
        foreach (var (label, count) in lines)
        {
            t.Row(label, l.Count(count), l.Share(count, total));
            sum += count;
        }
        if (withTotal) t.TotalRow(l.T("Total"), l.Count(sum), l.Whole(total));
    });
}
