using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>A statement's lines: a label and a US dollar amount each, totals in bold.</summary>
internal sealed class UsdStatementTable(DocumentLanguage l, string title, IReadOnlyList<(string Label, decimal Usd, bool Total)> lines)
    : IComponent
{
    public void Compose(ContentBuilder c) => c.Table(t =>
    {
        t.Column(title, 3);
        t.Column("USD", 1, Align.Right);
        foreach (var (label, usd, total) in lines)
            if (total) t.TotalRow(label, l.Amount(usd));
            else t.Row(label, l.Amount(usd));
    });
}
