using System.Net;
using CsCheck;
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

    /// <summary>Generated hostile values in every field of both report forms, saved or submitted: never a 5xx, never stored out of bounds.</summary>
    [Fact]
    public async Task HostileValues_InEveryReportField_NeverBreakTheReport_AndNeverStoreWhatIsOutOfBounds()
    {
        var (narrative, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);
        var financial = (await Reports((await Stored(narrative)).GrantId)).Single(r => r.Kind == GrantReportKind.InterimFinancial).Id;
        (Guid Report, string Field)[] fields;
        await using (var db = App.NewDbContext())
        {
            var form = await db.FormsOfExploitation.Select(f => f.Code).FirstAsync();
            var assistance = await db.AssistanceTypes.Select(a => a.Code).FirstAsync();
            fields = [
                .. new[] { "BySex[Female]", "BySex[Male]", "ByAgeGroup[Child]", "ByNationality[0].Code", "ByNationality[0].Number", $"ByForm[{form}]",
                    $"ByAssistance[{assistance}]", "Activities", "Challenges", "CaseStories[0]" }.Select(f => (narrative, f)),
                (financial, "Lines[0].Spent"), (financial, "Lines[0].Explanation"),
            ];
        }

        await Gen.Select(Gen.OneOf(fields), Applications.HostileInputPropertyTests.Hostile, Gen.OneOf("", "Submit")).SampleAsync(async (target, value, handler) =>
        {
            var (report, field) = target;
            var url = $"/apply/reports/{report}" + (handler.Length > 0 ? $"?handler={handler}" : "");
            var response = await PostForm(client, url, new() { [field] = value }, $"/apply/reports/{report}");
            var what = $"{field} = “{(value.Length > 40 ? value[..20] + "…" : value)}” ({handler})";

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode} for {what}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/apply/reports/{report}")).StatusCode);
            var stored = await Stored(report);
            Assert.True(stored.Narrative?.CountsInBounds ?? true, $"counts after {what}");
            Assert.True(stored.Financial?.Lines.All(l => l.Spent is not { } spent || TrustFund.Domain.Common.InputLimits.IsAmount(spent)) ?? true, $"spending after {what}");
        }, iter: 40, threads: 1);
    }

    /// <summary>"abc" in a count was dropped: the draft saved without it, erasing the count saved before.</summary>
    [Fact]
    public async Task NarrativeDraft_ANonNumberInACount_IsRefused_ShownAsTyped_AndTheSavedCountIsKept()
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, $"/apply/reports/{report}", new() { ["BySex[Female]"] = "5", ["Activities"] = "Shelter." })).StatusCode);

        var response = await PostForm(client, $"/apply/reports/{report}", new() { ["BySex[Female]"] = "abc", ["Activities"] = "Shelter." });

        var html = await AssertRefusedWith(response, "“abc” is not a valid value.");
        Assert.Contains("value=\"abc\"", html);
        Assert.Equal(5, (await Stored(report)).Narrative!.BySex.Single(c => c.Code == "Female").Number);
    }

    /// <summary>The 30-second autosave read "abc" as nothing and saved the draft without the count.</summary>
    [Theory]
    [InlineData("BySex[Female]", "abc")]
    [InlineData("ByNationality[0].Number", "1e30")]
    public async Task NarrativeAutosave_ANonNumberInACount_Answers422_AndSavesNothing(string field, string typed)
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, $"/apply/reports/{report}", new() { ["BySex[Female]"] = "5", ["Activities"] = "Shelter." })).StatusCode);

        var response = await PostForm(client, $"/apply/reports/{report}?handler=Autosave",
            new() { ["BySex[Female]"] = "5", ["ByNationality[0].Code"] = "CO", [field] = typed, ["Activities"] = "Changed." }, $"/apply/reports/{report}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var stored = (await Stored(report)).Narrative!;
        Assert.Equal("Shelter.", stored.Activities);
        Assert.Equal(5, stored.BySex.Single(c => c.Code == "Female").Number);
    }

    /// <summary>Two rows of one nationality are added up: at Int32.MaxValue each the sum overflowed into a 500.</summary>
    [Theory]
    [InlineData("", "2147483647")]
    [InlineData("?handler=Submit", "2147483647")]
    [InlineData("", "600000")]
    public async Task Nationality_TwoRowsOfOneCountryAddingUpPastTheBound_IsRefusedAtTheBreakdown(string handler, string each)
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);

        var response = await PostForm(client, $"/apply/reports/{report}{handler}", new()
        {
            ["ByNationality[0].Code"] = "CO", ["ByNationality[0].Number"] = each,
            ["ByNationality[1].Code"] = "CO", ["ByNationality[1].Number"] = each, ["Activities"] = "Shelter.",
        }, $"/apply/reports/{report}");

        await AssertRefusedWith(response, "Enter a number of people from 0 to 1,000,000 in each cell.");
        Assert.Null((await Stored(report)).Narrative);
    }

    [Fact]
    public async Task Nationality_ANegativeNumber_IsRefused_AndNothingIsSaved()
    {
        var (report, client) = await SignedInWithAReport(GrantReportKind.InterimNarrative);

        var response = await PostForm(client, $"/apply/reports/{report}", new()
            { ["ByNationality[0].Code"] = "CO", ["ByNationality[0].Number"] = "-4", ["Activities"] = "Shelter." });

        await AssertRefusedWith(response, "Enter a number of people from 0 to 1,000,000 in each cell.");
        Assert.Null((await Stored(report)).Narrative);
    }

    /// <summary>A report stored before the bounds existed, with counts whose total passes Int32: the secretariat's page adds them as long.</summary>
    [Fact]
    public async Task StaffReportPage_CountsStoredBeforeTheBounds_AddUpWithoutOverflow()
    {
        var (report, _) = await SignedInWithAReport(GrantReportKind.InterimNarrative);
        await SubmitReport(report);
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                UPDATE grant_reports SET narrative = jsonb_set(narrative, '{BySex}', '[{"Code":"Female","Number":2000000000},{"Code":"Male","Number":2000000000}]')
                WHERE id = {{report}}
                """);
        var manager = await SignedIn(await CreateUser("reader@unodc.test", [TrustFund.Application.Identity.Roles.FundManager], twoFactor: true));

        var response = await manager.GetAsync($"/fund/grants/reports/{report}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("4000000000", await response.Content.ReadAsStringAsync());
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
