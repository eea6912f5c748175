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

    [Theory]
    [InlineData("en", "Line 3: “ten” is not a rate written with a decimal point, e.g. 0.921. Nothing was imported.",
        "Line 5: XYZ: Enter a currency as its ISO 4217 code, e.g. EUR. Nothing was imported.",
        "Line 6: repeats the EUR rate from 2027-03-01 on line 2. Nothing was imported.",
        "Line 7: expected 3 fields, found 2. Nothing was imported.")]
    [InlineData("fr", "Ligne 3\u00A0: «\u00A0ten\u00A0» n’est pas un taux écrit avec un point décimal, par exemple 0.921. Rien n’a été importé.",
        "Ligne 5\u00A0: XYZ\u00A0: Indiquez la monnaie par son code ISO 4217, par exemple EUR. Rien n’a été importé.",
        "Ligne 6\u00A0: répète le taux EUR du 2027-03-01 de la ligne 2. Rien n’a été importé.",
        "Ligne 7\u00A0: 3 champs attendus, 2 trouvés. Rien n’a été importé.")]
    [InlineData("es", "Línea 3: «ten» no es un tipo escrito con punto decimal, por ejemplo 0.921. No se importó nada.",
        "Línea 5: XYZ: Indique la moneda con su código ISO 4217, por ejemplo EUR. No se importó nada.",
        "Línea 6: repite el tipo de EUR del 2027-03-01 de la línea 2. No se importó nada.",
        "Línea 7: se esperaban 3 campos y hay 2. No se importó nada.")]
    public async Task ImportRates_WithBadLines_NamesEachLine_InTheReadersLanguage_AndImportsNothing(string language, string notARate,
        string unknownCurrency, string repeated, string fieldsMissing)
    {
        var client = await FundManager();
        await client.GetAsync($"/?culture={language}");
        const string csv = "currency,effective_from,units_per_usd\r\nEUR,2027-03-01,0.921\r\nNOK,2027-03-01,ten\r\nGBP,2027-03-01,0.79\r\nXYZ,2027-03-01,1.5\r\nEUR,2027-03-01,0.93\r\nCHF,2027-03-01\r\n";

        var response = await PostFile(client, "/fund/rates/import", "Upload", "unore.csv", csv);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(notARate, html);
        Assert.Contains(unknownCurrency, html);
        Assert.Contains(repeated, html);
        Assert.Contains(fieldsMissing, html);
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

        var refused = Assert.Single(error.Errors);
        Assert.Equal("Line {0}: a {1} rate from {2} is already in the table. Nothing was imported.", refused.ErrorMessage);
        Assert.Equal([3, "EUR", "2027-03-01"], refused.FormattedMessagePlaceholderValues.OrderBy(p => p.Key).Select(p => p.Value));
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
