using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>Victims assisted, from accepted narrative reports, then the targets of the applications received.</summary>
internal sealed class VictimsAssistedSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        var year = l.Year(data.Year);
        c.Section(l.T("Victims assisted"));
        var victims = data.Victims;
        if (victims.Grants == 0)
            c.Paragraph(l.F("No narrative report due in {0} has been accepted by the secretariat, so this report cannot state how many victims were assisted. Reports submitted but not yet accepted, or sent back to the grantee, are not counted.", year),
                TextAlignment.Justify);
        else Assisted(c, victims, year);
        c.Spacing(6);
        Targets(c, year);
    }

    private void Assisted(ContentBuilder c, AnnualReportData.VictimsAssisted victims, string year)
    {
        c.Paragraph(l.F("From the grantees' narrative reports due in {0} and accepted by the secretariat (reports submitted but not yet accepted, or sent back, are not counted). A grantee reports the victims assisted since its grant began, so for each grant only its latest accepted report of the year is counted, and no one is counted twice within a grant.", year),
            TextAlignment.Justify);
        var total = victims.Total;
        c.KeyValues(
            (l.T("Victims assisted"), l.Count(total)),
            (l.T("Grants reporting"), l.Count(victims.Grants)),
            (l.T("Accepted narrative reports"), l.Count(victims.Reports)));
        c.Spacing(4);
        var victimsTitle = l.T("Victims");
        c.Heading(l.T("By sex and age group"), 3);
        c.Component(new CountBreakdownTable(l, l.T("Sex"), victimsTitle, Lines(victims.BySex), total));
        c.Spacing(4);
        c.Component(new CountBreakdownTable(l, l.T("Age group"), victimsTitle, Lines(victims.ByAgeGroup), total));
        c.Spacing(6);
        c.PieChart(l.T("Victims assisted by sex"), ChartLabels.Slices(Lines(victims.BySex)), donut: true, height: 130);
        c.PieChart(l.T("Victims assisted by age group"), ChartLabels.Slices(Lines(victims.ByAgeGroup)), donut: true, height: 130);
        c.Heading(l.T("By form of exploitation"), 3);
        c.Component(new CountBreakdownTable(l, l.T("Form of exploitation"), victimsTitle, Lines(victims.ByForm), total));
        c.Spacing(6);
        c.BarChart(l.T("Victims assisted by form of exploitation"), ChartLabels.Bars(Lines(victims.ByForm)),
            height: 40 + 20 * victims.ByForm.Count, horizontal: true);
        c.Heading(l.T("By type of assistance"), 3);
        c.Component(new CountBreakdownTable(l, l.T("Type of assistance"), victimsTitle, Lines(victims.ByAssistance), total, withTotal: false));
        c.Note(l.T("One person can receive several types of assistance: the shares are of all victims assisted and do not add up to 100%."));
        c.Spacing(6);
        c.BarChart(l.T("Victims who received each type of assistance"), ChartLabels.Bars(Lines(victims.ByAssistance)),
            height: 40 + 20 * victims.ByAssistance.Count, horizontal: true);
        c.Heading(l.T("By nationality"), 3);
        c.Component(new CountBreakdownTable(l, l.T("Nationality"), victimsTitle, Lines(victims.ByNationality), total));
        c.Spacing(6);
        c.BarChart(l.T("Victims assisted by nationality"), ChartLabels.Bars(Lines(victims.ByNationality)),
            height: 40 + 20 * victims.ByNationality.Count, horizontal: true);
    }

    /// <summary>The people the applications of the year plan to assist: a labelled sub-section, never added to those assisted.</summary>
    private void Targets(ContentBuilder c, string year)
    {
        c.Heading(l.T("Planned in applications received (targets)"), 3);
        var targets = data.Targets.Sum(t => t.Count);
        if (targets == 0)
        {
            c.Paragraph(l.T("No application submitted in the year states beneficiary targets."));
            return;
        }
        c.Paragraph(l.F("People the projects applied for in {0} plan to assist, as stated in the applications (withdrawn applications excluded). These are targets, not people assisted.", year),
            TextAlignment.Justify);
        string Of(IEnumerable<IGrouping<string, AnnualReportData.TargetLine>> groups) => string.Join(", ",
            groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key.ToLower(l.Culture)} {l.Count(g.Sum(x => x.Count))}"));
        c.KeyValues((l.T("Victims targeted"), l.Count(targets)), (l.T("By sex"), Of(data.Targets.GroupBy(t => t.Sex))),
            (l.T("By age group"), Of(data.Targets.GroupBy(t => t.AgeGroup))));
        c.Component(new CountBreakdownTable(l, l.T("Form of exploitation"), l.T("Targeted"),
            data.Targets.GroupBy(t => t.FormOfExploitation).Select(g => (g.Key, g.Sum(x => x.Count)))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal), targets));
    }

    private static IEnumerable<(string, int)> Lines(IEnumerable<AnnualReportData.CountLine> lines) => lines.Select(x => (x.Label, x.Count));
}
