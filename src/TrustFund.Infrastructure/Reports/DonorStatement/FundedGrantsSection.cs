using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

/// <summary>The grants this donor's earmarked money was allocated to, as in force at the end of the period.</summary>
internal sealed class FundedGrantsSection(DonorStatementData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Grants funded from earmarked contributions"), 3);
        if (data.FundedGrants.Count == 0)
        {
            c.Paragraph(l.T("At the end of the period, none of this donor's earmarked contributions was allocated to a grant."));
            return;
        }
        c.Table(t =>
        {
            t.FixedColumn(l.T("Grant"), 132);
            t.Column(l.T("Grantee"), 3);
            t.Column(l.T("Country"), 2);
            t.Column(l.T("Earmark"), 2);
            t.FixedColumn("USD", 90, Align.Right);
            foreach (var g in data.FundedGrants) t.Row(g.Reference, g.Grantee, g.Country, g.Earmark, l.Amount(g.Usd));
            t.TotalRow(l.T("Total"), "", "", "", l.Amount(data.FundedGrants.Sum(g => g.Usd)));
        });
        c.Note(l.T("Earmarked money received, allocated by the fund manager to the grants it funds, as in force at the end of the period. An allocation designates money already received; it is not a further payment."));
    }
}
