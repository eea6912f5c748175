using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Seeding;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.OpenData;

/// <summary>The IATI files of the demo fund, downloaded anonymously, against the official 2.03 schemas and the journal.</summary>
public sealed class IatiFilesTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ActivityFile_OfTheDemoFund_IsValidIati203_AndAddsUpToTheJournal()
    {
        await SeedDemo();

        var response = await NewClient().GetAsync("/open-data/iati-activities.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(IatiSchema.ValidateActivities(bytes));
        var file = XDocument.Load(new MemoryStream(bytes));
        var activities = file.Root!.Elements("iati-activity").ToList();

        await using var db = App.NewDbContext();
        var grants = await db.GrantAgreements.AsNoTracking().Where(g => g.Status != GrantStatus.Draft).ToListAsync();
        Assert.Equal(3, grants.Count);
        Assert.Equal(grants.Count + 1, activities.Count); // the fund's own activity and one per signed grant
        var balances = await db.GrantBalancesAsync(db.GrantAgreements.Select(g => g.Id), CancellationToken.None);
        foreach (var grant in grants)
        {
            var activity = activities.Single(a => a.Element("iati-identifier")!.Value == $"XM-DAC-41128-{grant.ReferenceNumber}");
            var balance = balances[grant.Id];
            Assert.Equal(balance.Obligated - balance.Released, Sum(activity, "2"));
            Assert.Equal(balance.Disbursed - balance.Refunded, Sum(activity, "3"));
            Assert.True(Sum(activity, "3") > 0, "the demo grants have their first instalment paid");
            Assert.Equal(grant.Amount, activity.Elements("budget").Sum(b => Amount(b.Element("value")!)));
            Assert.Equal("XM-DAC-41128", activity.Element("reporting-org")!.Attribute("ref")!.Value);
            Assert.Equal("40", activity.Element("reporting-org")!.Attribute("type")!.Value);
            Assert.Subset(new HashSet<string> { "1", "3", "4" }, activity.Elements("participating-org").Select(p => p.Attribute("role")!.Value).ToHashSet());
            Assert.Contains(activity.Elements("participating-org"), p => p.Attribute("role")!.Value == "3" && p.Attribute("ref")!.Value == "XM-DAC-41128");
            Assert.Equal(grant.Grantee, activity.Elements("participating-org").Single(p => p.Attribute("role")!.Value == "4").Element("narrative")!.Value);
        }
        // The earmarked contribution funds the Colombian grant: its donor is a funding organisation there, and only there.
        var funded = activities.Where(a => a.Elements("participating-org").Any(p => p.Attribute("role")!.Value == "1")
            && a.Attribute("hierarchy")!.Value == "2").ToList();
        Assert.Single(funded);
        Assert.Equal("Freedom Fund Foundation", funded[0].Elements("participating-org").Single(p => p.Attribute("role")!.Value == "1").Element("narrative")!.Value);

        // The fund's activity: incoming funds equal the contributions received in the journal, incoming commitments the pledges.
        var fund = activities.Single(a => a.Element("iati-identifier")!.Value == "XM-DAC-41128-UNVTF");
        var received = await db.JournalEntries.AsNoTracking().Where(j => j.DonorId != null
            && (j.EventType == Domain.Finance.JournalEventType.ContributionReceived || j.ReversedEventType == Domain.Finance.JournalEventType.ContributionReceived))
            .SumAsync(j => j.UsdAmount);
        Assert.Equal(received, Sum(fund, "1"));
        Assert.Equal(await db.Pledges.SumAsync(p => p.UsdEquivalent), Sum(fund, "11"));

        // Victims assisted from the accepted interim narrative report (Casa de Acogida Esperanza's), counts only.
        var results = activities.SelectMany(a => a.Elements("result")).ToList();
        Assert.Single(results);
        Assert.All(results.Descendants("actual"), actual => Assert.True(int.Parse(actual.Attribute("value")!.Value, CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public async Task OrganisationFile_OfTheDemoFund_IsValidIati203_AndItsBudgetsAreTheGrants()
    {
        await SeedDemo();

        var response = await NewClient().GetAsync("/open-data/iati-organisation.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(IatiSchema.ValidateOrganisations(bytes));
        var organisation = XDocument.Load(new MemoryStream(bytes)).Root!.Element("iati-organisation")!;
        Assert.Equal("XM-DAC-41128", organisation.Element("organisation-identifier")!.Value);
        await using var db = App.NewDbContext();
        Assert.Equal(await db.GrantAgreements.Where(g => g.Status != GrantStatus.Draft).SumAsync(g => g.Amount),
            organisation.Elements("total-budget").Sum(b => Amount(b.Element("value")!)));
        var balances = (await db.GrantBalancesAsync(db.GrantAgreements.Select(g => g.Id), CancellationToken.None)).Values;
        Assert.Equal(balances.Sum(b => b.Disbursed - b.Refunded), organisation.Elements("total-expenditure").Sum(b => Amount(b.Element("value")!)));
    }

    [Fact]
    public async Task ActivityFile_InTheApi_IsTheSameFile()
    {
        await SeedDemo();
        var client = NewClient();

        var root = await client.GetStringAsync("/open-data/iati-activities.xml");
        var api = await client.GetStringAsync("/api/v1/open-data/iati-activities.xml");

        // generated-datetime is the clock's, which the test holds still
        Assert.Equal(root, api);
        Assert.Empty(IatiSchema.ValidateOrganisations(await client.GetByteArrayAsync("/api/v1/open-data/iati-organisation.xml")));
    }

    [Fact]
    public async Task ActivityFile_WithoutAnyGrant_IsStillValid()
    {
        var bytes = await NewClient().GetByteArrayAsync("/open-data/iati-organisation.xml");
        Assert.Empty(IatiSchema.ValidateOrganisations(bytes));
    }

    public static TheoryData<string> ShouldFailExamples() =>
        [.. Directory.EnumerateFiles(Path.Combine(IatiSchema.Folder, "should-fail"), "*.xml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(ShouldFailExamples))]
    public void ShouldFailExample_FailsTheValidatorTheDemoFilePasses(string example)
    {
        var errors = IatiSchema.ValidateActivities(File.ReadAllBytes(Path.Combine(IatiSchema.Folder, "should-fail", example)));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void ShouldFailExamples_AreAllThere()
    {
        Assert.True(ShouldFailExamples().Count >= 39, "the standard's invalid examples were not copied with the tests");
    }

    private static decimal Sum(XElement activity, string transactionType) =>
        activity.Elements("transaction").Where(t => t.Element("transaction-type")!.Attribute("code")!.Value == transactionType)
            .Sum(t => Amount(t.Element("value")!)) + 0.00m;

    private static decimal Amount(XElement value)
    {
        Assert.NotNull(value.Attribute("value-date"));
        Assert.Equal("USD", value.Attribute("currency")!.Value);
        return decimal.Parse(value.Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private async Task SeedDemo()
    {
        var config = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        config["Demo:Password"] = "Demo-Password-2026";
        await DatabaseSetup.SeedAsync(App.Services, includeDemo: true);
    }
}
