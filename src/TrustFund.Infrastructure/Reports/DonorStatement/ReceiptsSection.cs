using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

/// <summary>The journal's contribution entries for the donor in the period, corrections included, so the total is the journal's.</summary>
internal sealed class ReceiptsSection(DonorStatementData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Contributions received in the period"), 2);
        if (data.Receipts.Count == 0) c.Paragraph(l.T("No contribution was received in the period."));
        else
            c.Component(new ConvertedAmountsTable(l, l.T("Value date"), l.T("Bank reference"),
                data.Receipts.Select(r => (r.ValueDate, r.IsReversal ? l.F("Correction: {0} reversed", r.Reference) : r.Reference, r.Currency,
                    r.Amount, r.UnitsPerUsd, r.Usd)),
                data.JournalReceivedUsd));
        c.Note(l.T("Each deposit is converted at the UNORE rate in force on its value date, as booked in the fund's journal; the total equals the journal's contributions received from this donor in the period."));
    }
}
