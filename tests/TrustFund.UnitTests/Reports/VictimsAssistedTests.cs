using TrustFund.Application.Features.Reports;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Reports;

public sealed class VictimsAssistedTests
{
    private static readonly IssueAnnualReport.ReferenceNames Names = new(
        new Dictionary<string, string> { ["FORCED_LABOUR"] = "Forced labour" },
        new Dictionary<string, string> { ["SHELTER"] = "Shelter", ["LEGAL_AID"] = "Legal aid" },
        Enumerable.Range(0, 12).ToDictionary(i => $"C{i}", i => $"Country {i:00}"));

    private static NarrativeReport Counts(int female, int male, params (string Iso2, int Count)[] nationalities) => new(
        [new("Female", female), new("Male", male)],
        [new("Adult", female + male)],
        nationalities.Select(n => new ReportCount(n.Iso2, n.Count)).ToList(),
        [new("FORCED_LABOUR", female + male)],
        [new("SHELTER", female + male), new("LEGAL_AID", male)],
        "Activities", "", []);

    [Fact]
    public void VictimsAssisted_TwoReportsOfOneGrant_TakesOnlyTheLatest()
    {
        var grant = Guid.NewGuid();
        var other = Guid.NewGuid();
        var victims = IssueAnnualReport.VictimsAssisted(
        [
            new(grant, GrantReportKind.InterimNarrative, new DateOnly(2026, 3, 31), Counts(4, 1, ("C1", 5))),
            new(grant, GrantReportKind.FinalNarrative, new DateOnly(2026, 11, 30), Counts(9, 3, ("C1", 12))), // since the grant began
            new(other, GrantReportKind.InterimNarrative, new DateOnly(2026, 6, 30), Counts(2, 0, ("C2", 2))),
        ], Names);

        Assert.Equal(14, victims.Total); // 12 + 2, not 17 + 2
        Assert.Equal(2, victims.Grants);
        Assert.Equal(3, victims.Reports);
        Assert.Equal([new("Female", 11), new("Male", 3), new("Other", 0)], victims.BySex);
        Assert.Equal([new("Child", 0), new("Adult", 14)], victims.ByAgeGroup);
        Assert.Equal([new("Forced labour", 14)], victims.ByForm);
        Assert.Equal([new("Shelter", 14), new("Legal aid", 3)], victims.ByAssistance);
        Assert.Equal([new("Country 01", 12), new("Country 02", 2)], victims.ByNationality);
    }

    [Fact]
    public void VictimsAssisted_ManyNationalities_ShowsTheMostFrequentThenOther()
    {
        var reports = Enumerable.Range(0, 12).Select(i => new IssueAnnualReport.AcceptedNarrative(Guid.NewGuid(),
            GrantReportKind.FinalNarrative, new DateOnly(2026, 5, 1), Counts(i + 1, 0, ($"C{i}", i + 1)))).ToList();

        var victims = IssueAnnualReport.VictimsAssisted(reports, Names);

        Assert.Equal(IssueAnnualReport.NationalitiesShown + 1, victims.ByNationality.Count);
        Assert.Equal(new("Country 11", 12), victims.ByNationality[0]);
        Assert.Equal(new("Other nationalities (4)", 1 + 2 + 3 + 4), victims.ByNationality[^1]);
        Assert.Equal(victims.Total, victims.ByNationality.Sum(l => l.Count));
    }

    [Fact]
    public void VictimsAssisted_NoReports_IsTheEmptySection() =>
        Assert.Same(TrustFund.Application.Reports.AnnualReportData.VictimsAssisted.None, IssueAnnualReport.VictimsAssisted([], Names));
}
