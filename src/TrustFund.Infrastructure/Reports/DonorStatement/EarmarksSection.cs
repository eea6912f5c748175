using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

internal sealed class EarmarksSection(DonorStatementData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Earmarked contributions"), 2);
        if (data.Earmarks.Count == 0)
        {
            c.Paragraph(l.T("None of this donor's contributions in the period is earmarked."));
            return;
        }
        c.Table(t =>
        {
            t.Column(l.T("Earmark purpose"), 3);
            t.FixedColumn(l.T("Pledged (USD)"), 96, Align.Right);
            t.FixedColumn(l.T("Received (USD)"), 96, Align.Right);
            foreach (var e in data.Earmarks) t.Row(e.Purpose, l.Amount(e.PledgedUsd), l.Amount(e.ReceivedUsd));
        });
    }
}
