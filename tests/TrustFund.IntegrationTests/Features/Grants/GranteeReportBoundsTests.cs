using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The grantee's reports keep the same bounds as the application: counts 0 to 1,000,000, spending in whole cents from 0.</summary>
public sealed class GranteeReportBoundsTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Theory]
    [InlineData("-3")]
    [InlineData("1000001")]
    public async Task NarrativeDraft_ACountOutOfBounds_IsRefusedAtItsBreakdown_AndNothingIsSaved(string typed)
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);

        var response = await PostForm(client, $"/apply/reports/{report}", new()
            { ["BySex[Female]"] = typed, ["BySex[Male]"] = "3", ["Activities"] = "Shelter." });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a number of people from 0 to 1,000,000 in each cell.", html);
        Assert.Null((await Stored(report)).Narrative);
    }

    [Fact]
    public async Task NarrativeSubmit_WithInt32MaxInTwoCells_IsRefused_NotA500()
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);

        var response = await PostForm(client, $"/apply/reports/{report}?handler=Submit", new()
            { ["BySex[Female]"] = "2147483647", ["BySex[Male]"] = "2147483647", ["Activities"] = "Shelter." }, $"/apply/reports/{report}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a number of people from 0 to 1,000,000 in each cell.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(GrantReportStatus.Scheduled, (await Stored(report)).Status);
    }

    [Theory]
    [InlineData("-10")]
    [InlineData("100000000.01")]
    [InlineData("10.005")]
    public async Task FinancialDraft_SpendingOutOfBounds_IsRefusedAtItsLine_AndNothingIsSaved(string typed)
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimFinancial);

        var response = await PostForm(client, $"/apply/reports/{report}", new() { ["Lines[0].Spent"] = typed });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.", html);
        Assert.True((await Stored(report)).Financial?.Lines.All(l => l.Spent == 0) ?? true, "nothing was saved");
    }

    private async Task<(Guid ReportId, HttpClient Client)> SignedInWithAReport(GrantReportKind kind)
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var report = (await Reports(grantId)).Single(r => r.Kind == kind);
        await using var db = App.NewDbContext();
        var ngo = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "ngo1@example.org");
        return (report.Id, await SignedIn(ngo));
    }

    private async Task<GrantReport> Stored(Guid reportId)
    {
        await using var db = App.NewDbContext();
        return await db.GrantReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
    }
}
