using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

internal sealed class YearInFiguresSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var figures = data.Summary;
        c.Section(l.T("The year in figures"));
        c.KeyValues(
            (l.T("Pledged in the year"), l.Usd(figures.PledgedUsd)),
            (l.T("Contributions received"), l.Usd(figures.ReceivedUsd)),
            (l.T("Donors"), l.Count(figures.Donors)),
            (l.T("Applications received"), l.Count(figures.ApplicationsReceived)),
            (l.T("Applications found eligible"), l.Count(figures.ApplicationsEligible)),
            (l.T("Applications approved"), l.Count(figures.ApplicationsApproved)),
            (l.T("Grant agreements signed"), l.Count(data.Grants.Count)),
            (l.T("Victims assisted (accepted reports)"), data.Victims.Grants == 0 ? l.T("None reported yet") : l.Count(data.Victims.Total)),
            (l.T("Disbursed to grantees"), l.Usd(figures.DisbursedUsd)),
            (l.T("Programme support costs"), l.Usd(figures.PscUsd)),
            (l.T("Available for new grants at year end"), l.Usd(figures.AvailableAtEndUsd)));
    }
}
