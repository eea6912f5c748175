using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Reports;
using TrustFund.Domain.Reports;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Reports;

/// <summary>
/// The January job issues last year's annual report once in each working language, and knows what is already issued
/// by year and language (never by a title, which is translated).
/// </summary>
public sealed class AnnualReportJobTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset JobRuns = new(2028, 1, 15, 6, 0, 0, TimeSpan.Zero); // issues 2027's report

    [Fact]
    public async Task TheJob_RunTwice_IssuesLastYearsReportOnceInEachLanguage_EachWrittenInIt()
    {
        App.Clock.SetUtcNow(JobRuns);

        Assert.Equal(3, (await Send(new IssueAnnualReport.LastYearCommand())).Count);
        Assert.Empty(await Send(new IssueAnnualReport.LastYearCommand()));

        var reports = await AnnualReports();
        Assert.Equal(["en", "es", "fr"], reports.Select(r => Language(r)).Order());
        Assert.All(reports, r => Assert.Equal(2027, Year(r)));
        Assert.Contains("The year in figures", PdfText.AllWords(reports.Single(r => r.Title == "Annual report 2027").Content));
        var french = PdfText.AllWords(reports.Single(r => r.Title == "Rapport annuel 2027").Content);
        Assert.Contains("1. L’année en chiffres", french);
        Assert.DoesNotContain("The year in figures", french);
        var spanish = PdfText.AllWords(reports.Single(r => r.Title == "Informe anual 2027").Content);
        Assert.Contains("1. El año en cifras", spanish);
        Assert.DoesNotContain("The year in figures", spanish);
    }

    [Theory]
    [InlineData("fr", new[] { "en", "es" })]
    [InlineData("es", new[] { "en", "fr" })]
    [InlineData("en", new[] { "es", "fr" })]
    public async Task AReportTheFundManagerIssued_ForThatYearAndLanguage_IsNotIssuedAgain(string issuedByHand, string[] issuedByTheJob)
    {
        App.Clock.SetUtcNow(JobRuns);
        await Send(new IssueAnnualReport.Command(2027, Language: issuedByHand));
        await Send(new IssueAnnualReport.Command(2026, Language: "en")); // another year's report in another language counts for nothing

        var issued = await Send(new IssueAnnualReport.LastYearCommand());

        Assert.Equal(2, issued.Count);
        var byTheJob = (await AnnualReports()).Where(r => issued.Any(i => i.ReportId == r.Id)).ToList();
        Assert.Equal(issuedByTheJob, byTheJob.Select(r => Language(r)).Order());
        Assert.All(byTheJob, r => Assert.Equal(2027, Year(r)));
    }

    [Fact]
    public async Task AReportIssuedBeforeReportsRecordedTheirLanguage_CountsAsTheEnglishOne()
    {
        App.Clock.SetUtcNow(JobRuns);
        var old = await Send(new IssueAnnualReport.Command(2027));
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE issued_reports SET parameters = '{{\"year\":2027}}'::jsonb WHERE id = {old.ReportId}");

        var issued = await Send(new IssueAnnualReport.LastYearCommand());

        Assert.Equal(2, issued.Count);
        Assert.Equal(["es", "fr"], (await AnnualReports()).Where(r => r.Id != old.ReportId).Select(r => Language(r)).Order());
    }

    private async Task<List<IssuedReport>> AnnualReports()
    {
        await using var db = App.NewDbContext();
        return await db.IssuedReports.AsNoTracking().Where(r => r.Kind == ReportKind.AnnualFundReport).ToListAsync();
    }

    private static string Language(IssuedReport report) =>
        JsonDocument.Parse(report.ParametersJson).RootElement.GetProperty("language").GetString()!;

    private static int Year(IssuedReport report) => JsonDocument.Parse(report.ParametersJson).RootElement.GetProperty("year").GetInt32();
}
