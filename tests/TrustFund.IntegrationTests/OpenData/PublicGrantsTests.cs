using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.OpenData;

/// <summary>The public grants page, its downloads, and the withheld-name option of the agreement, on the demo fund.</summary>
public sealed class PublicGrantsTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private const string Colombian = "Casa de Acogida Esperanza";
    private const string Senegalese = "Association Solidarité Femmes Sahel";

    /// <summary>Everything the public can read about the grants.</summary>
    private static readonly string[] PublicUrls =
    [
        "/grants", "/grants?culture=fr", "/grants?culture=es", "/grants?handler=Csv", "/grants?handler=Json",
        "/open-data/iati-activities.xml", "/open-data/iati-organisation.xml",
        "/api/v1/open-data/iati-activities.xml", "/api/v1/open-data/iati-organisation.xml",
    ];

    [Fact]
    public async Task GrantsPage_ListsTheSignedGrants_AndFiltersByCountryGroupAndYear()
    {
        await DemoFund.SeedAsync(App);
        var visitor = NewClient();

        var all = await visitor.GetStringAsync("/grants");
        var colombia = await visitor.GetStringAsync("/grants?country=CO");
        var africa = await visitor.GetStringAsync("/grants?group=AFRICAN");
        var year = (await SignedGrants()).Select(g => g.SignedAt!.Value.Year).First();
        var thatYear = await visitor.GetStringAsync($"/grants?year={year}");
        var noYear = await visitor.GetStringAsync("/grants?year=1999");

        Assert.Contains(Colombian, all);
        Assert.Contains(Senegalese, all);
        Assert.Contains("Mekong", all, StringComparison.Ordinal); // the Thai grantee
        Assert.Contains("3 grants, USD 126,000 in all", all);
        Assert.Contains(Colombian, colombia);
        Assert.DoesNotContain(Senegalese, colombia);
        Assert.Contains(Senegalese, africa);
        Assert.DoesNotContain(Colombian, africa);
        Assert.Contains("3 grants", thatYear);
        Assert.Contains("No grants match these filters.", noYear);
        Assert.Contains("href=\"/grants\"", all); // in the public navigation
        Assert.DoesNotContain("<script", all.Replace("<script src=\"/js/", ""), StringComparison.Ordinal); // works without script
    }

    [Fact]
    public async Task GrantsPage_InFrenchAndSpanish_NamesCountriesAndStatusesInThatLanguage()
    {
        await DemoFund.SeedAsync(App);
        var visitor = NewClient();

        var french = await visitor.GetStringAsync("/grants?culture=fr");
        var spanish = await NewClient().GetStringAsync("/grants?culture=es");

        Assert.Contains("Subventions accordées par le Fonds", french);
        Assert.Contains("Sénégal", french);
        Assert.Contains("Subvenciones concedidas por el Fondo", spanish);
        Assert.Contains("En curso", spanish);
    }

    /// <summary>The total reads with its ISO code where the reader's language puts it, grouped as the language groups figures.</summary>
    [Theory]
    [InlineData("en", "3 grants, USD 126,000 in all")]
    [InlineData("fr", "3 subventions, 126\u202F000\u00A0USD au total")]
    [InlineData("es", "3 subvenciones, 126.000\u00A0USD en total")]
    public async Task GrantsPage_WritesTheTotalWithItsCodeWhereTheLanguagePutsIt(string language, string caption)
    {
        await DemoFund.SeedAsync(App);

        var all = System.Net.WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/grants?culture={language}"));

        Assert.Contains(caption, all);
    }

    /// <summary>One grant is counted in the singular in every language, not "1 subventions".</summary>
    [Theory]
    [InlineData("en", "1 grant, USD ", "1 grants")]
    [InlineData("fr", "1 subvention, ", "1 subventions")]
    [InlineData("es", "1 subvención, ", "1 subvenciones")]
    public async Task GrantsPage_WithOneGrant_CountsItInTheSingular(string language, string one, string wrong)
    {
        await DemoFund.SeedAsync(App);

        var colombia = System.Net.WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/grants?country=CO&culture={language}"));

        Assert.Contains(one, colombia);
        Assert.DoesNotContain(wrong, colombia);
    }

    [Fact]
    public async Task Downloads_HoldTheFilteredGrants()
    {
        await DemoFund.SeedAsync(App);
        var visitor = NewClient();

        var csv = await visitor.GetAsync("/grants?handler=Csv&country=SN");
        var json = await visitor.GetStringAsync("/grants?handler=Json");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.Equal(2, lines.Length);
        Assert.Contains(Senegalese, lines[1]);
        Assert.StartsWith("XM-DAC-41128-GA-", lines[1].TrimStart('\uFEFF'));
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task WithheldName_SetOnTheAgreement_NeverReachesAnythingPublic()
    {
        await DemoFund.SeedAsync(App);
        var grant = (await SignedGrants()).Single(g => g.Grantee == Colombian);
        var visitor = NewClient();
        // Published while not withheld (the organisation file names no grantee at all).
        foreach (var url in PublicUrls.Where(u => !u.Contains("organisation"))) Assert.Contains(Colombian, await Text(visitor, url));

        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var saved = await PostForm(manager, $"/fund/grants/{grant.Id}/edit?handler=Publication", new() { ["withholdName"] = "true" },
            $"/fund/grants/{grant.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("checked", await manager.GetStringAsync($"/fund/grants/{grant.Id}/edit"));
        foreach (var url in PublicUrls)
        {
            var text = await Text(visitor, url);
            Assert.DoesNotContain(Colombian, text);
            Assert.DoesNotContain("Esperanza", text);
        }
        Assert.Contains("A national NGO in Colombia", await Text(NewClient(), "/grants?culture=en"));
        Assert.Contains("Une ONG nationale au/en Colombie", await Text(visitor, "/open-data/iati-activities.xml"));
        Assert.Contains(Senegalese, await Text(NewClient(), "/grants")); // the others stay named
        // The staff pages still name the grantee: withholding is about the public record only.
        Assert.Contains(Colombian, await manager.GetStringAsync("/fund/grants"));
    }

    [Fact]
    public async Task WithheldName_TurnedOffAgain_IsPublishedAgain()
    {
        await DemoFund.SeedAsync(App);
        var grant = (await SignedGrants()).Single(g => g.Grantee == Senegalese);
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var edit = $"/fund/grants/{grant.Id}/edit";

        await PostForm(manager, edit + "?handler=Publication", new() { ["withholdName"] = "true" }, edit);
        Assert.DoesNotContain(Senegalese, await Text(NewClient(), "/grants"));
        await PostForm(manager, edit + "?handler=Publication", [], edit); // the box left unticked sends only the hidden "false"

        Assert.Contains(Senegalese, await Text(NewClient(), "/grants"));
        await using var db = App.NewDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == grant.Id.ToString()).Select(a => a.Changes).ToListAsync(),
            c => c.Contains("WithholdImplementerName"));
    }

    [Fact]
    public async Task PublicationChoice_IsRefusedToAnApplicant()
    {
        await DemoFund.SeedAsync(App);
        var grant = (await SignedGrants()).First();
        var ngo = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));

        var response = await ngo.PostAsync($"/fund/grants/{grant.Id}/edit?handler=Publication",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["withholdName"] = "true" }));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await SignedGrants()).Single(g => g.Id == grant.Id).WithholdImplementerName);
    }

    private static async Task<string> Text(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<GrantAgreement>> SignedGrants()
    {
        await using var db = App.NewDbContext();
        return await db.GrantAgreements.AsNoTracking().Where(g => g.Status != GrantStatus.Draft).OrderBy(g => g.ReferenceNumber).ToListAsync();
    }

}
