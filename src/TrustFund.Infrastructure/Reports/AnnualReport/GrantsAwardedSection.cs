using TrustFund.Domain.Calls;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>The grants signed in the year by regional group, country and window, then one by one.</summary>
internal sealed class GrantsAwardedSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var year = l.Year(data.Year);
        c.Section(l.T("Grants awarded"));
        if (data.Grants.Count == 0)
        {
            c.Paragraph(l.F("No grant agreement was signed in {0}.", year));
            return;
        }
        var total = data.Grants.Sum(g => g.Usd);
        c.Paragraph(l.Plural(data.Grants.Count,
            "{0} grant agreement was signed in {1}, for {2} in total. Each grant's amount is the obligation the fund's journal raised for it up to 31 December (its signature and any increase by amendment). Grants are placed by the grantee organisation's country and its regional group.",
            "{0} grant agreements were signed in {1}, for {2} in total. Each grant's amount is the obligation the fund's journal raised for it up to 31 December (its signature and any increase by amendment). Grants are placed by the grantee organisation's country and its regional group.",
            year, l.Usd(total)), TextAlignment.Justify);
        c.Heading(l.T("By regional group"), 3);
        var byRegion = new GrantAmountBreakdown(l, l.T("Regional group"), data.Grants, g => g.Region);
        c.Component(byRegion);
        c.Spacing(6);
        c.BarChart(l.F("Grants awarded in {0} by regional group (USD)", year),
            byRegion.Groups.Select(g => (ChartLabels.Fit(SelectionSection.ShortGroupName(g.Key), g.Key), (double)g.Sum(x => x.Usd))).ToList(),
            height: 40 + 22 * byRegion.Groups.Count, horizontal: true);
        c.Heading(l.T("By country"), 3);
        c.Component(new GrantAmountBreakdown(l, l.T("Country"), data.Grants, g => g.Country));
        c.Spacing(6);
        c.Heading(l.T("By funding window"), 3);
        c.Component(new GrantAmountBreakdown(l, l.T("Window"), data.Grants, g => g.Window));
        c.Note(l.F("SGP1: short-term and emergency assistance (up to {0}); SGP2: medium-term assistance ({1} to {2}).",
            l.WholeUsd(FundingWindow.ShortTerm.Ceiling()), l.WholeUsd(FundingWindow.MediumTerm.Floor()), l.WholeUsd(FundingWindow.MediumTerm.Ceiling())));
        c.Spacing(6);
        c.Heading(l.F("Grants signed in {0}", year), 3);
        c.Table(t =>
        {
            t.FixedColumn(l.T("Grant"), 122);
            t.Column(l.T("Grantee"), 3);
            t.Column(l.T("Country"), 2);
            t.FixedColumn(l.T("Window"), 44);
            t.FixedColumn("USD", 76, Align.Right);
            t.FixedColumn(l.T("Status"), 48);
            foreach (var g in data.Grants) t.Row(g.Reference, g.Grantee, g.Country, g.Window, l.Amount(g.Usd), g.Status);
            t.TotalRow(l.T("Total"), "", "", "", l.Amount(total), "");
        });
    }
}
