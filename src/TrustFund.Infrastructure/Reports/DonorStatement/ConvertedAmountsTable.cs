using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

/// <summary>
/// Amounts in their own currency with the UNORE rate that turned them into US dollars, dated, with the total in dollars:
/// the shape of both the pledges and the receipts.
/// </summary>
internal sealed class ConvertedAmountsTable(DocumentLanguage l, string dateTitle, string descriptionTitle,
    IEnumerable<(DateOnly Date, string Description, string Currency, decimal Amount, decimal UnitsPerUsd, decimal Usd)> lines,
    decimal totalUsd) : IComponent
{
    public void Compose(ContentBuilder c) => c.Table(t =>
    {
        t.FixedColumn(dateTitle, 70);
        t.Column(descriptionTitle, 3);
        t.FixedColumn(l.T("Amount"), 96, Align.Right);
        t.FixedColumn(l.T("UNORE rate"), 62, Align.Right);
        t.FixedColumn("USD", 90, Align.Right);
        foreach (var line in lines)
            t.Row(l.Date(line.Date), line.Description, l.Amount(line.Amount, line.Currency), l.Rate(line.UnitsPerUsd), l.Amount(line.Usd));
        t.TotalRow(l.T("Total"), "", "", "", l.Amount(totalUsd));
    });
}
