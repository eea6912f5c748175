using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

internal sealed class CoverPage(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c) => c
        .Wordmark(l.Organisation, l.FundName)
        .Spacing(120)
        .Heading(data.Title)
        .Paragraph(l.T("United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, especially Women and Children"))
        .Spacing(12)
        .KeyValues(
            (l.T("Reporting period"), l.F("1 January to 31 December {0}", l.Year(data.Year))),
            (l.T("Managed by"), l.T("United Nations Office on Drugs and Crime (UNODC), Vienna")),
            (l.T("Issued"), l.Instant(data.IssuedAt)),
            (l.T("Issued by"), data.IssuedBy))
        .Spacing(24)
        .Note(l.T("All amounts are in US dollars. Contributions in other currencies are converted at the UN operational rate of exchange (UNORE) in force on their value date. Money figures are summed from the fund's journal."));
}
