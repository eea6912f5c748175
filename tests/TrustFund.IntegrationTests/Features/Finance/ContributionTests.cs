using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

public sealed class ContributionTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task RecordReceipt_InEuro_ConvertsAtTheRateInForceOnTheValueDate_AndStoresTheRate()
    {
        await Rate("EUR", LastMonth, 0.92m);
        await Rate("EUR", LastMonth.AddDays(14), 0.90m); // mid-month revision from the 15th
        var donor = await Donor();
        var pledge = await Pledge(donor, 200_000, "EUR", LastMonth);

        var before = await Receive(pledge, 100_000, "EUR", LastMonth.AddDays(9), "BEFORE-REVISION");
        var after = await Receive(pledge, 50_000, "EUR", LastMonth.AddDays(19), "AFTER-REVISION");

        Assert.Equal((0.92m, 108_695.65m), (before.UnitsPerUsd, before.UsdAmount));
        Assert.Equal((0.90m, 55_555.56m), (after.UnitsPerUsd, after.UsdAmount));
        await using var db = App.NewDbContext();
        var stored = await db.ContributionReceipts.SingleAsync(r => r.BankReference == "BEFORE-REVISION");
        Assert.Equal((0.92m, 108_695.65m), (stored.UnitsPerUsd, stored.UsdAmount));
        var entry = await db.JournalEntries.SingleAsync(j => j.DocumentId == before.ReceiptId);
        Assert.Equal(JournalEventType.ContributionReceived, entry.EventType);
        Assert.Equal((100_000m, "EUR", 0.92m, 108_695.65m), (entry.Amount, entry.Currency, entry.Rate, entry.UsdAmount));
        Assert.Equal((ContributionReceipt.DocumentType, "BEFORE-REVISION", donor), (entry.DocumentType, entry.DocumentReference, entry.DonorId!.Value));
        Assert.Equal(LastMonth.AddDays(9), entry.ValueDate);
    }

    [Fact]
    public async Task RecordReceipt_InACurrencyWithoutARateForItsMonth_IsRefusedNamingTheMissingRate_AndBooksNothing()
    {
        await Rate("EUR", LastMonth, 0.92m); // last month's rate must not be carried into this month
        var donor = await Donor();
        var pledge = await Pledge(donor, 100_000, "EUR", LastMonth);
        var client = await FundManager();

        var response = await PostForm(client, $"/fund/pledges/{pledge}/receipts/new", new()
        {
            ["Amount"] = "1000", ["Currency"] = "EUR", ["ValueDate"] = Today.ToString("yyyy-MM-dd"), ["BankReference"] = "X-1",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var month = Today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"There is no UNORE rate for EUR in force on {Today:yyyy-MM-dd}: enter or import the EUR rate for {month} first.", html);
        await using var db = App.NewDbContext();
        Assert.False(await db.ContributionReceipts.AnyAsync());
        Assert.False(await db.JournalEntries.AnyAsync());
    }

    [Fact]
    public async Task RecordReceipt_WithoutARate_InFrench_NamesTheMissingRateInFrench_WithTheMonthInFrench()
    {
        var donor = await Donor();
        await Rate("EUR", LastMonth, 0.92m);
        var eurPledge = await Pledge(donor, 100_000, "EUR", LastMonth);
        var client = await FundManager();
        await client.GetAsync("/fund/donors?culture=fr");

        var response = await PostForm(client, $"/fund/pledges/{eurPledge}/receipts/new", new()
        {
            ["Amount"] = "1000", ["Currency"] = "EUR", ["ValueDate"] = Today.ToString("yyyy-MM-dd"), ["BankReference"] = "X-1",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var month = Today.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr"));
        Assert.Contains($"Aucun taux UNORE pour EUR n’est en vigueur le {Today:yyyy-MM-dd}\u00A0: saisissez ou importez d’abord le taux EUR de {month}.", html);
    }

    [Fact]
    public async Task RecordPledge_InACurrencyWithoutARateForItsDate_IsRefused_AndAUsdPledgeNeedsNone()
    {
        var donor = await Donor();

        var error = await Assert.ThrowsAsync<DomainException>(() => Pledge(donor, 1_000, "SEK", LastMonth));
        await Pledge(donor, 1_000, "USD", LastMonth);

        Assert.StartsWith($"There is no UNORE rate for SEK in force on {LastMonth:yyyy-MM-dd}", error.Message);
        await using var db = App.NewDbContext();
        Assert.Equal("USD", (await db.Pledges.SingleAsync()).Currency);
    }

    [Fact]
    public async Task RecordPledgeAndReceipt_ThroughThePages_ShowTheOutstandingAmount()
    {
        await Rate("NOK", LastMonth, 10m);
        var client = await FundManager();
        var created = await PostForm(client, "/fund/donors", new() { ["Name"] = "Norway", ["Kind"] = "MemberState", ["CountryIso2"] = "NO" });
        var donorPage = LocationOf(created);
        Assert.Matches("^/fund/donors/[0-9a-f-]{36}$", donorPage);

        var pledged = await PostForm(client, donorPage + "/pledges/new", new()
        {
            ["Amount"] = "1000000", ["Currency"] = "nok", ["PledgedOn"] = LastMonth.ToString("yyyy-MM-dd"),
            ["IsEarmarked"] = "true", ["EarmarkPurpose"] = "Shelters for children",
        });
        Assert.Equal(donorPage, LocationOf(pledged));
        await using var db = App.NewDbContext();
        var pledge = await db.Pledges.SingleAsync();
        Assert.Equal(("NOK", 100_000m, "Shelters for children"), (pledge.Currency, pledge.UsdEquivalent, pledge.EarmarkPurpose));

        var received = await PostForm(client, $"/fund/pledges/{pledge.Id}/receipts/new", new()
        {
            ["Amount"] = "250000", ["Currency"] = "NOK", ["ValueDate"] = LastMonth.AddDays(3).ToString("yyyy-MM-dd"), ["BankReference"] = "NO-2027-001",
        });
        Assert.Equal(donorPage, LocationOf(received));

        var html = await client.GetStringAsync(donorPage);
        Assert.Contains("NO-2027-001", html);
        Assert.Contains("NOK 750,000.00", html);   // outstanding in the pledge's currency
        Assert.Contains("USD 75,000.00", html);    // and in USD at the pledge-date rate
        var list = await client.GetStringAsync("/fund/donors");
        Assert.Contains("USD 25,000.00", list);    // received, from the journal
    }

    [Fact]
    public async Task ReverseReceipt_BooksANegatingEntry_ThePledgeIsOutstandingAgain_AndASecondReversalIsRefused()
    {
        var donor = await Donor();
        var pledge = await Pledge(donor, 10_000, "USD", LastMonth);
        var receipt = await Receive(pledge, 10_000, "USD", LastMonth.AddDays(1));
        var client = await FundManager();
        var page = $"/fund/donors/{donor}";

        var reversed = await PostForm(client, $"{page}?handler=Reverse&receiptId={receipt.ReceiptId}",
            new() { ["Reason"] = "Deposit was for the Torture Fund" }, pageUrl: page);
        Assert.Equal(page, LocationOf(reversed));

        await using (var db = App.NewDbContext())
        {
            var entries = await db.JournalEntries.OrderBy(j => j.Id).ToListAsync();
            Assert.Equal(2, entries.Count);
            var (original, reversal) = (entries[0], entries[1]);
            Assert.Equal(JournalEventType.Reversal, reversal.EventType);
            Assert.Equal(original.Id, reversal.ReversedEntryId);
            Assert.Equal(JournalEventType.ContributionReceived, reversal.ReversedEventType);
            Assert.Equal((-10_000m, -10_000m), (reversal.Amount, reversal.UsdAmount));
            Assert.Equal("Deposit was for the Torture Fund", reversal.Reason);
            Assert.Equal("manager@unodc.test", reversal.RecordedBy);
            Assert.Equal(0m, entries.Sum(e => e.UsdAmount));
        }
        var donorView = await Query(new GetDonor.Query(donor));
        Assert.Equal(10_000m, donorView.Pledges.Single().Outstanding);

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new ReverseReceipt.Command(receipt.ReceiptId, "again")));
        Assert.Equal("This receipt has already been reversed.", error.Message);
    }

    [Fact]
    public async Task ReverseReceipt_WithoutAReason_IsRefused()
    {
        var donor = await Donor();
        var receipt = await Receive(await Pledge(donor, 100, "USD", LastMonth), 100, "USD", LastMonth);
        var client = await FundManager();
        var page = $"/fund/donors/{donor}";

        var response = await PostForm(client, $"{page}?handler=Reverse&receiptId={receipt.ReceiptId}", new() { ["Reason"] = "" }, pageUrl: page);

        Assert.Contains("Give the reason for the reversal.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.JournalEntries.CountAsync());
    }

    [Fact]
    public async Task RecordReceipt_TwoAtOnceForTheLastOfAPledge_OnlyOneIsBooked()
    {
        var pledge = await Pledge(await Donor(), 1_000, "USD", LastMonth);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            try { await Receive(pledge, 1_000, "USD", LastMonth, $"RACE-{i}"); return true; }
            catch (DomainException) { return false; }
        }));

        Assert.Equal(1, attempts.Count(booked => booked));
        await using var db = App.NewDbContext();
        Assert.Equal(1_000m, await db.JournalEntries.SumAsync(j => j.UsdAmount));
    }

    [Fact]
    public async Task ReverseReceipt_ClickedTwiceAtOnce_BooksOneReversal()
    {
        var receipt = await Receive(await Pledge(await Donor(), 1_000, "USD", LastMonth), 1_000, "USD", LastMonth);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 3).Select(async i =>
        {
            try { await Send(new ReverseReceipt.Command(receipt.ReceiptId, $"click {i}")); return true; }
            catch (Exception e) when (e is DomainException or DbUpdateException) { return false; }
        }));

        Assert.Equal(1, attempts.Count(reversed => reversed));
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.JournalEntries.CountAsync(j => j.EventType == JournalEventType.Reversal));
        Assert.Equal(0m, await db.JournalEntries.SumAsync(j => j.UsdAmount));
    }

    [Fact]
    public async Task ExportContributions_IsFilteredByPeriodAndDonor()
    {
        var norway = await Donor();
        var foundation = await Donor("Freedom Fund Foundation", DonorKind.Foundation, "US");
        await Receive(await Pledge(norway, 5_000, "USD", LastMonth), 5_000, "USD", LastMonth.AddDays(2), "NOR-EARLY");
        await Receive(await Pledge(norway, 7_000, "USD", LastMonth), 7_000, "USD", LastMonth.AddDays(20), "NOR-LATE");
        await Receive(await Pledge(foundation, 3_000, "USD", LastMonth), 3_000, "USD", LastMonth.AddDays(2), "FOUNDATION");
        var client = await FundManager();

        var response = await client.GetAsync($"/fund/contributions?handler=Csv&donorId={norway}&from={LastMonth:yyyy-MM-dd}&to={LastMonth.AddDays(10):yyyy-MM-dd}");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("receipt_id,value_date,donor_id,donor,", lines[0]);
        Assert.Single(lines.Skip(1));
        Assert.Contains("NOR-EARLY", lines[1]);
        Assert.Contains(",5000.00,USD,1.000000,5000.00,", lines[1]);
        var page = await client.GetStringAsync($"/fund/contributions?donorId={norway}");
        Assert.Contains("NOR-LATE", page);
        Assert.DoesNotContain("FOUNDATION", page);
        Assert.Contains("USD 12,000.00", page); // the journal's total for the donor
    }

    [Fact]
    public async Task DonorPortal_ShowsADonorOnlyItsOwnContributions()
    {
        var norway = await Donor();
        var foundation = await Donor("Freedom Fund Foundation", DonorKind.Foundation, "US");
        await Receive(await Pledge(norway, 5_000, "USD", LastMonth), 5_000, "USD", LastMonth, "NORWAY-DEPOSIT");
        await Receive(await Pledge(foundation, 3_000, "USD", LastMonth), 3_000, "USD", LastMonth, "FOUNDATION-DEPOSIT");
        var account = await CreateUser("ingrid@norway.example", Roles.Donor);
        var unlinked = await SignedIn(await CreateUser("someone@donor.example", Roles.Donor));
        Assert.Contains("Your account is not linked to a donor yet.", await unlinked.GetStringAsync("/donor/contributions"));

        var manager = await FundManager();
        var linked = await PostForm(manager, $"/fund/donors/{norway}?handler=Link", new() { ["Email"] = "ingrid@norway.example" },
            pageUrl: $"/fund/donors/{norway}");
        Assert.Equal($"/fund/donors/{norway}", LocationOf(linked));

        var html = await (await SignedIn(account)).GetStringAsync("/donor/contributions");
        Assert.Contains("NORWAY-DEPOSIT", html);
        Assert.DoesNotContain("FOUNDATION-DEPOSIT", html);
        Assert.DoesNotContain("Freedom Fund Foundation", html);
    }

    [Fact]
    public async Task EditDonor_ChangesTheDonor_AndAStaleFormGetsTheConflictMessage()
    {
        var donor = await Donor("Norwey");
        var client = await FundManager();
        var url = $"/fund/donors/{donor}/edit";
        var staleForm = await client.GetStringAsync(url);

        var saved = await PostForm(client, url, new() { ["Name"] = "Norway", ["Kind"] = "MemberState", ["CountryIso2"] = "NO" });
        Assert.Equal($"/fund/donors/{donor}", LocationOf(saved));
        var noCountry = await PostForm(client, url, new() { ["Name"] = "Norway", ["Kind"] = "MemberState", ["CountryIso2"] = "" });
        Assert.Contains("A Member State donor needs its country.", await noCountry.Content.ReadAsStringAsync());

        var version = System.Text.RegularExpressions.Regex.Match(staleForm, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var stale = await PostForm(client, url, new() { ["Version"] = version, ["Name"] = "Kingdom of Norway", ["Kind"] = "MemberState", ["CountryIso2"] = "NO" });
        Assert.Contains("Someone else saved this record while you were editing it.", await stale.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal("Norway", (await db.Donors.SingleAsync()).Name);
    }

    [Fact]
    public async Task LinkDonorUser_ToAnAccountWithoutTheDonorRole_IsRefused()
    {
        var norway = await Donor();
        await CreateUser("ngo@example.org", Roles.Applicant);

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new LinkDonorUser.Command(norway, "ngo@example.org")));

        Assert.Equal("This account does not have the Donor role: ask an administrator to give it first.", error.Message);
    }

    [Theory]
    [InlineData("/fund/dashboard")]
    [InlineData("/fund/donors")]
    [InlineData("/fund/contributions")]
    [InlineData("/fund/journal")]
    [InlineData("/fund/rates")]
    [InlineData("/fund/rates/import")]
    [InlineData("/fund/settings")]
    public async Task FinancePages_AreForFundManagersOnly(string url)
    {
        var anonymous = await NewClient().GetAsync(url);
        Assert.StartsWith("/account/login", LocationOf(anonymous));
        foreach (var (email, role) in new[] { ("ngo@example.org", Roles.Applicant), ("donor@example.org", Roles.Donor), ("admin@unodc.test", Roles.Admin) })
        {
            var client = await SignedIn(await CreateUser(email, [role], twoFactor: role == Roles.Admin));
            var refused = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/access-denied", LocationOf(refused));
        }
        Assert.Equal(HttpStatusCode.OK, (await (await FundManager()).GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Programme support cost: 13%; operating reserve: 0%.")]
    [InlineData("fr", "Frais d’appui aux programmes\u00A0: 13\u00A0%\u00A0; réserve de fonctionnement\u00A0: 0\u00A0%.")]
    [InlineData("es", "Gastos de apoyo a los programas: 13\u00A0%; reserva operacional: 0\u00A0%.")]
    public async Task Dashboard_WritesTheRates_AsTheReadersLanguageWritesAPercentage(string language, string rates)
    {
        var manager = await FundManager();
        await manager.GetAsync($"/?culture={language}");

        Assert.Contains(rates, WebUtility.HtmlDecode(await manager.GetStringAsync("/fund/dashboard")));
    }

    [Fact]
    public async Task DonorPortal_IsForDonorAccountsOnly()
    {
        Assert.StartsWith("/account/login", LocationOf(await NewClient().GetAsync("/donor/contributions")));
        var refused = await (await FundManager()).GetAsync("/donor/contributions");
        Assert.StartsWith("/account/access-denied", LocationOf(refused));
    }
}
