using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Contributions;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Reports;
using TrustFund.IntegrationTests.Features.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Reports;

/// <summary>The annual report is issued in the language chosen on the reports page; a donor statement in its donor's language.</summary>
public sealed class ReportLanguageTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task AnnualReport_IssuedInFrenchOrSpanishThroughThePage_IsWrittenInThatLanguage()
    {
        var client = await FundManager();

        var french = await PostForm(client, "/fund/reports?handler=AnnualReport", new() { ["Year"] = "2031", ["Language"] = "fr" }, pageUrl: "/fund/reports");
        var spanish = await PostForm(client, "/fund/reports?handler=AnnualReport", new() { ["Year"] = "2031", ["Language"] = "es" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.Redirect, french.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, spanish.StatusCode);
        await using var db = App.NewDbContext();
        var reports = await db.IssuedReports.Where(r => r.Kind == ReportKind.AnnualFundReport).ToListAsync();
        var fr = reports.Single(r => r.Title == "Rapport annuel 2031");
        var es = reports.Single(r => r.Title == "Informe anual 2031");
        Assert.Equal("fr", System.Text.Json.JsonDocument.Parse(fr.ParametersJson).RootElement.GetProperty("language").GetString());
        var frText = PdfText.AllWords(fr.Content);
        Assert.Contains("1. L’année en chiffres", frText);
        Assert.Contains("Page 1 sur", frText);
        Assert.DoesNotContain("The year in figures", frText);
        var esText = PdfText.AllWords(es.Content);
        Assert.Contains("1. El año en cifras", esText);
        Assert.Contains("Página 1 de", esText);
        Assert.Contains("Rapport annuel 2031", await client.GetStringAsync("/fund/reports")); // listed as issued
    }

    [Fact]
    public async Task AnnualReport_InALanguageWeDoNotIssueIn_IsRefusedOnTheForm()
    {
        var client = await FundManager();

        var response = await PostForm(client, "/fund/reports?handler=AnnualReport", new() { ["Year"] = "2031", ["Language"] = "de" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose English, French or Spanish.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.IssuedReports.CountAsync());
    }

    [Fact]
    public async Task DonorStatement_IsIssuedInTheLanguageChosenForTheDonor_OnItsForms()
    {
        var client = await FundManager();
        var added = await PostForm(client, "/fund/donors",
            new() { ["Name"] = "Fundación Ñandú", ["Kind"] = nameof(DonorKind.Foundation), ["CountryIso2"] = "", ["Language"] = "es" },
            pageUrl: "/fund/donors");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Guid donorId;
        await using (var db = App.NewDbContext())
        {
            var donor = await db.Donors.SingleAsync();
            Assert.Equal("es", donor.Language);
            donorId = donor.Id;
        }

        var inSpanish = await IssueStatement(client, donorId);

        Assert.Equal("Estado del donante: Fundación Ñandú, 2030", inSpanish.Title);
        var esText = PdfText.AllWords(inSpanish.Content);
        Assert.Contains("Promesas hechas en el período", esText);
        Assert.Contains("Página 1 de", esText);
        Assert.Contains("Fundación", esText); // its kind, in Spanish

        var version = (await Query(new GetDonor.Query(donorId))).Version;
        var edited = await PostForm(client, $"/fund/donors/{donorId}/edit",
            new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Name"] = "Fundación Ñandú",
                ["Kind"] = nameof(DonorKind.Foundation), ["CountryIso2"] = "", ["Language"] = "fr" },
            pageUrl: $"/fund/donors/{donorId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("selected=\"selected\" lang=\"fr\"", await client.GetStringAsync($"/fund/donors/{donorId}/edit"));
        Assert.Contains("<dd lang=\"fr\">Français</dd>", await client.GetStringAsync($"/fund/donors/{donorId}"));

        var inFrench = await IssueStatement(client, donorId);

        Assert.Equal("Relevé du donateur\u00A0: Fundación Ñandú, 2030", inFrench.Title);
        Assert.Contains("Annonces de contributions faites pendant la période", PdfText.AllWords(inFrench.Content));
    }

    [Fact]
    public async Task Donor_WithALanguageWeDoNotIssueIn_IsRefusedOnTheForm()
    {
        var client = await FundManager();

        var response = await PostForm(client, "/fund/donors",
            new() { ["Name"] = "Bundesrepublik", ["Kind"] = nameof(DonorKind.Foundation), ["CountryIso2"] = "", ["Language"] = "de" },
            pageUrl: "/fund/donors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose English, French or Spanish.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Donors.CountAsync());
    }

    private async Task<IssuedReport> IssueStatement(HttpClient client, Guid donorId)
    {
        List<Guid> before;
        await using (var db = App.NewDbContext()) before = await db.IssuedReports.Select(r => r.Id).ToListAsync();
        var issue = await PostForm(client, "/fund/reports?handler=DonorStatement",
            new() { ["DonorId"] = donorId.ToString(), ["From"] = "2030-01-01", ["To"] = "2030-12-31" }, pageUrl: "/fund/reports");
        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);
        await using var after = App.NewDbContext();
        return await after.IssuedReports.SingleAsync(r => !before.Contains(r.Id));
    }
}
