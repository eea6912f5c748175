using Microsoft.EntityFrameworkCore;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

public sealed class LocalisedNumberInputTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task AddRate_InFrench_ReadsTheDecimalPointThatNumberInputsSend()
    {
        var client = await FundManager();
        await client.GetAsync("/fund/rates?culture=fr");

        var response = await PostForm(client, "/fund/rates",
            new() { ["Currency"] = "EUR", ["EffectiveFrom"] = "2026-10-01", ["UnitsPerUsd"] = "0.921" });

        Assert.Equal("/fund/rates", LocationOf(response));
        await using var db = App.NewDbContext();
        Assert.Equal(0.921m, (await db.UnoreRates.SingleAsync()).UnitsPerUsd);
    }

    [Fact]
    public async Task RecordPledge_InSpanish_KeepsTheCents()
    {
        var donor = await Donor();
        var client = await FundManager();
        await client.GetAsync("/fund/donors?culture=es");

        var response = await PostForm(client, $"/fund/donors/{donor}/pledges/new",
            new() { ["Amount"] = "1000.50", ["Currency"] = "USD", ["PledgedOn"] = LastMonth.ToString("yyyy-MM-dd") });

        Assert.Equal($"/fund/donors/{donor}", LocationOf(response));
        await using var db = App.NewDbContext();
        Assert.Equal(1000.50m, (await db.Pledges.SingleAsync()).Amount);
        Assert.Contains("Prometido", await client.GetStringAsync($"/fund/donors/{donor}")); // the page really is in Spanish
    }
}
