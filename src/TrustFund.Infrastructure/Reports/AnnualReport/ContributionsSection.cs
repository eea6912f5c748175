using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>Contributions by donor in the year, then the five years up to it.</summary>
internal sealed class ContributionsSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var year = l.Year(data.Year);
        c.Section(l.T("Contributions by donor"));
        if (data.Donors.Count == 0) c.Paragraph(l.F("No contribution was pledged or received in {0}.", year));
        else
        {
            c.Table(t =>
            {
                t.FixedColumn("#", 24, Align.Right);
                t.Column(l.T("Donor"), 3);
                t.FixedColumn(l.T("Type"), 80);
                t.FixedColumn(l.T("Pledged"), 90, Align.Right);
                t.FixedColumn(l.T("Deposited"), 90, Align.Right);
                var rank = 0;
                foreach (var donor in data.Donors)
                    t.Row(l.Count(++rank), donor.Name, donor.Kind, l.Amount(donor.PledgedUsd), l.Amount(donor.DepositedUsd));
                t.TotalRow("", l.T("Total"), "", l.Amount(data.Donors.Sum(d => d.PledgedUsd)), l.Amount(data.Donors.Sum(d => d.DepositedUsd)));
            });
            c.Note(l.T("Pledged: pledges made in the year, at the UNORE rate of the pledge date. Deposited: contributions received in the year, net of corrections, as booked in the journal."));
            c.Spacing(6);
            // Bars are labelled by the table's "#": donor names are too long to sit side by side, and chart text
            // cannot show every script.
            var top = data.Donors.Take(10).Select((d, i) => (l.Count(i + 1), (double)d.DepositedUsd)).ToList();
            c.BarChart(data.Donors.Count > 10 ? l.F("Deposited in {0}: the ten largest donors (USD, numbered as in the table)", year)
                : l.F("Deposited in {0} by donor (USD, numbered as in the table)", year), top, height: 180);
        }
        c.Spacing(8);

        if (data.ContributionsByYear.Count == 0) return;
        c.Heading(l.T("Contributions over five years"), 3);
        c.Table(t =>
        {
            t.Column(l.T("Year"), 1);
            t.Column(l.T("Pledged"), 2, Align.Right);
            t.Column(l.T("Deposited"), 2, Align.Right);
            foreach (var line in data.ContributionsByYear) t.Row(l.Year(line.Year), l.Amount(line.PledgedUsd), l.Amount(line.DepositedUsd));
        });
        c.Spacing(6);
        c.BarChart(l.T("Deposited by year (USD)"),
            data.ContributionsByYear.Select(line => (l.Year(line.Year), (double)line.DepositedUsd)).ToList(), height: 150);
    }
}
