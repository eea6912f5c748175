using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

public sealed class UnoreRateTests(TrustFundAppFactory app) : FinanceTest(app)
{
    private static string SampleFile()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrustFund.sln"))) root = root.Parent;
        return File.ReadAllText(Path.Combine(root!.FullName, "seeds", "demo", "unore-sample.csv"));
    }

    [Fact]
    public async Task ImportRates_TheSampleFile_ImportsEveryRate_IncludingTheMidMonthRevision()
    {
        var client = await FundManager();

        var response = await PostFile(client, "/fund/rates/import", "Upload", "unore.csv", SampleFile());

        Assert.Equal("/fund/rates", LocationOf(response));
        await using var db = App.NewDbContext();
        Assert.Equal(13, await db.UnoreRates.CountAsync());
        var revision = await db.UnoreRates.SingleAsync(r => r.Currency == "EUR" && r.EffectiveFrom == new DateOnly(2026, 11, 14));
        Assert.Equal((0.915m, UnoreRateSource.Imported), (revision.UnitsPerUsd, revision.Source));
        Assert.Contains("13 rates imported.", await client.GetStringAsync("/fund/rates"));
    }

    [Fact]
    public async Task ImportRates_WithBadLines_NamesEachLine_AndImportsNothing()
    {
        var client = await FundManager();
        const string csv = "currency,effective_from,units_per_usd\r\nEUR,2027-03-01,0.921\r\nNOK,2027-03-01,ten\r\nGBP,2027-03-01,0.79\r\nXYZ,2027-03-01,1.5\r\nEUR,2027-03-01,0.93\r\n";

        var response = await PostFile(client, "/fund/rates/import", "Upload", "unore.csv", csv);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Line 3: \"ten\" is not a rate written with a decimal point, e.g. 0.921. Nothing was imported.", html);
        Assert.Contains("Line 5: XYZ: Enter a currency as its ISO 4217 code, e.g. EUR. Nothing was imported.", html);
        Assert.Contains("Line 6: repeats the EUR rate from 2027-03-01 on line 2. Nothing was imported.", html);
        Assert.Contains("href=\"#Upload\"", html);
        await using var db = App.NewDbContext();
        Assert.False(await db.UnoreRates.AnyAsync()); // not even the three good lines
    }

    [Fact]
    public async Task ImportRates_ARateAlreadyInTheTable_IsRefused_AndNothingIsImported()
    {
        await Rate("EUR", new DateOnly(2027, 3, 1), 0.921m);

        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Send(
            new Application.Features.ExchangeRates.ImportUnoreRates.Command("currency,effective_from,units_per_usd\nNOK,2027-03-01,10.6\nEUR,2027-03-01,0.93\n")));

        Assert.Equal("Line 3: a EUR rate from 2027-03-01 is already in the table. Nothing was imported.", Assert.Single(error.Errors).ErrorMessage);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.UnoreRates.CountAsync());
    }

    [Fact]
    public async Task ImportRates_WithoutTheHeader_IsRefused()
    {
        var client = await FundManager();
        var response = await PostFile(client, "/fund/rates/import", "Upload", "unore.csv", "EUR,2027-03-01,0.921\n");
        Assert.Contains("The first line must be the header: currency,effective_from,units_per_usd", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddRate_ByHand_IsListed_AndADuplicateStartDateIsRefused()
    {
        var client = await FundManager();
        var fields = () => new Dictionary<string, string> { ["Currency"] = "chf", ["EffectiveFrom"] = "2027-03-15", ["UnitsPerUsd"] = "0.8815" };

        Assert.Equal("/fund/rates", LocationOf(await PostForm(client, "/fund/rates", fields())));
        var duplicate = await PostForm(client, "/fund/rates", fields());

        Assert.Contains("A rate for this currency already starts on this date: a revision starts on a later day.",
            await duplicate.Content.ReadAsStringAsync());
        var list = await client.GetStringAsync("/fund/rates?filterCurrency=CHF&month=2027-03");
        Assert.Contains("2027-03-15", list);
        Assert.Contains("0.8815", list);
        await using var db = App.NewDbContext();
        Assert.Equal(UnoreRateSource.EnteredByHand, (await db.UnoreRates.SingleAsync()).Source);
    }
}
