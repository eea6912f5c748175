using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

internal sealed class PledgesSection(DonorStatementData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Pledges made in the period"), 2);
        if (data.Pledges.Count == 0) c.Paragraph(l.T("No pledge was made in the period."));
        else
            c.Component(new ConvertedAmountsTable(l, l.T("Date"), l.T("Earmark"),
                data.Pledges.Select(p => (p.PledgedOn, p.EarmarkPurpose ?? l.T("Not earmarked"), p.Currency, p.Amount, p.UnitsPerUsd, p.Usd)),
                data.Pledges.Sum(p => p.Usd)));
        c.Note(l.T("A pledge is valued in US dollars at the UNORE rate in force on the date it was made."));
    }
}
