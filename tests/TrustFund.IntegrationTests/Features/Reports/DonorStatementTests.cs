using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Reports;
using TrustFund.IntegrationTests.Features.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Reports;

public sealed class DonorStatementTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task IssueDonorStatement_ThroughThePage_TotalEqualsTheJournal_AndOnlyThatDonorSeesIt()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2030, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await Rate("EUR", new DateOnly(2030, 1, 1), 0.9137m);
        await Rate("EUR", new DateOnly(2030, 2, 1), 0.95m);
        var france = await Donor("République française", country: "FR");
        var other = await Donor("Государственный фонд", country: null, kind: Domain.Donors.DonorKind.Foundation);
        var earmarked = await Pledge(france, 300_000, "EUR", new DateOnly(2030, 1, 5), earmark: "Enfants victimes au Sahel");
        var general = await Pledge(france, 50_000, "USD", new DateOnly(2030, 1, 6));
        await Receive(earmarked, 100_000.55m, "EUR", new DateOnly(2030, 1, 20), "FR-TRESOR-001");
        var mistake = await Receive(earmarked, 7_777, "EUR", new DateOnly(2030, 2, 3), "FR-TRESOR-002");
        await Send(new ReverseReceipt.Command(mistake.ReceiptId, "Booked against the wrong pledge"));
        await Receive(general, 25_000, "USD", new DateOnly(2030, 2, 10), "FR-TRESOR-003");
        var lastYear = await Pledge(france, 1_000, "USD", new DateOnly(2029, 12, 1));
        await Receive(lastYear, 1_000, "USD", new DateOnly(2029, 12, 31), "BEFORE-THE-PERIOD");
        var otherPledge = await Pledge(other, 9_999, "USD", new DateOnly(2030, 1, 7));
        await Receive(otherPledge, 9_999, "USD", new DateOnly(2030, 1, 8), "OTHER-DONOR");
        var client = await FundManager();

        var issue = await PostForm(client, "/fund/reports?handler=DonorStatement",
            new() { ["DonorId"] = france.ToString(), ["From"] = "2030-01-01", ["To"] = "2030-12-31" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);
        await using var db = App.NewDbContext();
        var report = await db.IssuedReports.SingleAsync();
        Assert.Equal(ReportKind.DonorStatement, report.Kind);
        Assert.Equal(france, report.DonorId);
        var journalTotal = await db.ContributionEntries()
            .Where(j => j.DonorId == france && j.ValueDate >= new DateOnly(2030, 1, 1) && j.ValueDate <= new DateOnly(2030, 12, 31))
            .SumAsync(j => j.UsdAmount);
        var pages = PdfText.AllPageWords(report.Content);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        Assert.Contains("République française", text);
        Assert.Contains("USD " + journalTotal.ToString("N2", CultureInfo.InvariantCulture), text);
        Assert.Contains("EUR 100,000.55", text);
        Assert.Contains("0.9137", text);
        Assert.Contains("FR-TRESOR-003", text);
        Assert.Contains("Enfants victimes au Sahel", text);
        Assert.Contains("At the end of the period, none of this donor's earmarked contributions was allocated to a grant.", text);
        Assert.DoesNotContain("OTHER-DONOR", text);
        Assert.DoesNotContain("BEFORE-THE-PERIOD", text);

        var donorUser = await CreateUser("treasury@finances.gouv.fr", Roles.Donor);
        await Send(new LinkDonorUser.Command(france, "treasury@finances.gouv.fr"));
        var otherUser = await CreateUser("fund@example.kz", Roles.Donor);
        await Send(new LinkDonorUser.Command(other, "fund@example.kz"));
        var donorClient = await SignedIn(donorUser);
        Assert.Contains($"/reports/{report.Id}", await donorClient.GetStringAsync("/reports"));
        Assert.Equal(report.Content, await donorClient.GetByteArrayAsync($"/reports/{report.Id}"));
        var otherClient = await SignedIn(otherUser);
        Assert.DoesNotContain($"/reports/{report.Id}", await otherClient.GetStringAsync("/reports"));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync($"/reports/{report.Id}")).StatusCode);
    }

    [Fact]
    public async Task IssueDonorStatement_PeriodEndingBeforeItStarts_IsRefusedOnTheForm()
    {
        var donor = await Donor();
        var client = await FundManager();

        var response = await PostForm(client, "/fund/reports?handler=DonorStatement",
            new() { ["DonorId"] = donor.ToString(), ["From"] = "2030-06-01", ["To"] = "2030-01-01" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end of the period must not be before its start.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.IssuedReports.CountAsync());
    }
}
