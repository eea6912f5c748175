using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Journal;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

/// <summary>
/// The donor page's account link, the new-pledge page and the fund settings, posted as a careless or hostile officer
/// would: each refusal is the same page (200) with that form's own message, the value as typed, and nothing stored.
/// </summary>
public sealed class DonorAndSettingsFormTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task DonorPage_LinkingAnUnknownAddress_AnAccountWithoutTheDonorRole_OrNothing_IsRefusedWithThatFormsMessage()
    {
        var norway = await Donor();
        var officer = await CreateUser("officer@unodc.test", Roles.CertifyingOfficer);
        var manager = await FundManager();
        var url = $"/fund/donors/{norway}";

        var unknown = await PostPageForm(manager, url, "Link", [new("Email", "nobody@norway.example")]);
        var notADonor = await PostPageForm(manager, url, "Link", [new("Email", officer.Email!)]);
        var empty = await PostPageForm(manager, url, "Link", [new("Email", "")]);

        Assert.Contains("value=\"nobody@norway.example\"", await AssertRefusedWith(unknown, "No account has this e-mail address."));
        await AssertRefusedWith(notADonor, "This account does not have the Donor role: ask an administrator to give it first.");
        await AssertRefusedWith(empty, "Enter the e-mail address of the donor's account.");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Users.CountAsync(u => u.DonorId != null));
    }

    [Theory]
    [InlineData("0", "USD", "The pledged amount must be more than zero.")]
    [InlineData("-250", "USD", "The pledged amount must be more than zero.")]
    [InlineData("1000.005", "USD", "Enter an amount of at most 1,000,000,000,000.00, in whole cents.")]
    [InlineData("99999999999999999999", "USD", "Enter an amount of at most 1,000,000,000,000.00, in whole cents.")]
    [InlineData("a lot", "USD", "Amount pledged: “a lot” is not a valid value.")]
    [InlineData("1000", "<b>", "Enter a currency as its ISO 4217 code, e.g. EUR.")]
    public async Task NewPledge_AnAmountOrCurrencyThatCannotBe_IsRefusedAsTyped_AndNothingIsRecorded(string amount, string currency, string message)
    {
        var norway = await Donor();
        var manager = await FundManager();

        var response = await PostPageForm(manager, $"/fund/donors/{norway}/pledges/new", null,
            [new("Amount", amount), new("Currency", currency), new("PledgedOn", LastMonth.ToString("yyyy-MM-dd"))]);

        var html = await AssertRefusedWith(response, message);
        Assert.Contains($"value=\"{amount}\"", html);
        Assert.Contains($"value=\"{currency}\"", html);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Pledges.CountAsync());
    }

    [Fact]
    public async Task NewPledge_EarmarkedWithoutItsPurpose_IsRefused_InTheReadersLanguage()
    {
        var norway = await Donor();
        var manager = await FundManager();
        await manager.GetAsync("/?culture=fr");

        var response = await PostPageForm(manager, $"/fund/donors/{norway}/pledges/new", null,
            [new("Amount", "5000"), new("Currency", "USD"), new("PledgedOn", LastMonth.ToString("yyyy-MM-dd")), new("IsEarmarked", "true"), new("EarmarkPurpose", "")]);

        await AssertRefusedWith(response, "Une contribution affectée doit indiquer l’objet de son affectation.");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Pledges.CountAsync());
    }

    [Fact]
    public async Task FundSettings_SavedThroughThePage_AreTheRatesTheFundUses()
    {
        var manager = await FundManager();

        var saved = await PostPageForm(manager, "/fund/settings", null, [new("PscPercent", "12.5"), new("OperatingReservePercent", "3")]);

        Assert.Equal("/fund/settings", LocationOf(saved));
        var settings = await Query(new GetFundSettings.Query());
        Assert.Equal((0.125m, 0.03m), (settings.PscRate, settings.OperatingReserveRate));
        Assert.Contains("value=\"12.50\"", await manager.GetStringAsync("/fund/settings"));
    }

    [Theory]
    [InlineData("130", "0", "The programme support cost rate must be between 0% and 100%.")]
    [InlineData("13", "-1", "The operating reserve must be between 0% and 100%.")]
    [InlineData("13.555", "0", "Give percentages with at most two decimals.")]
    [InlineData("thirteen", "0", "Programme support cost (%): “thirteen” is not a valid value.")]
    [InlineData("", "0", "The programme support cost rate must be between 0% and 100%.")]
    public async Task FundSettings_ARateOutOfBounds_OrNotANumber_IsRefusedAsTyped_AndTheRatesStay(string psc, string reserve, string message)
    {
        var manager = await FundManager();

        var response = await PostPageForm(manager, "/fund/settings", null, [new("PscPercent", psc), new("OperatingReservePercent", reserve)]);

        var html = await AssertRefusedWith(response, message);
        Assert.Contains($"id=\"PscPercent\" name=\"PscPercent\" value=\"{psc}\"", html);
        var settings = await Query(new GetFundSettings.Query());
        Assert.Equal((0.13m, 0m), (settings.PscRate, settings.OperatingReserveRate));
    }

    [Fact]
    public async Task FundSettings_RefusedInSpanish_NamesTheFieldInSpanish()
    {
        var manager = await FundManager();
        await manager.GetAsync("/?culture=es");

        var response = await PostPageForm(manager, "/fund/settings", null, [new("PscPercent", "trece"), new("OperatingReservePercent", "0")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertRefusedWith(response, "«trece» no es un valor válido.");
        Assert.DoesNotContain("PscPercent:", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("a lot", "Amount deposited: “a lot” is not a valid value.")]
    [InlineData("-10", "The amount received must be more than zero.")]
    [InlineData("99999999999999999999", "Enter an amount of at most 1,000,000,000,000.00, in whole cents.")]
    public async Task NewReceipt_AnAmountThatCannotBe_IsRefusedAsTyped_AndNothingIsReceived(string amount, string message)
    {
        var pledge = await Pledge(await Donor(), 5_000, "USD", LastMonth);
        var manager = await FundManager();

        var response = await PostPageForm(manager, $"/fund/pledges/{pledge}/receipts/new", null,
            [new("Amount", amount), new("Currency", "USD"), new("ValueDate", LastMonth.ToString("yyyy-MM-dd")), new("BankReference", "NO-1")]);

        var html = await AssertRefusedWith(response, message);
        Assert.Contains($"value=\"{amount}\"", html);
        Assert.Contains("value=\"NO-1\"", html);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ContributionReceipts.CountAsync());
    }

    [Fact]
    public async Task NewReceipt_WithoutAValueDate_AsksForIt_InTheReadersLanguage()
    {
        var pledge = await Pledge(await Donor(), 5_000, "USD", LastMonth);
        var manager = await FundManager();
        await manager.GetAsync("/?culture=es");

        var response = await PostPageForm(manager, $"/fund/pledges/{pledge}/receipts/new", null,
            [new("Amount", "5000"), new("Currency", "USD"), new("ValueDate", ""), new("BankReference", "NO-1")]);

        await AssertRefusedWith(response, "Introduzca la fecha valor.");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ContributionReceipts.CountAsync());
    }

    [Fact]
    public async Task EditDonor_AKindThatDoesNotExist_OrNoName_IsRefusedAsTyped_AndTheDonorStays()
    {
        var donor = await Donor();
        var manager = await FundManager();
        var url = $"/fund/donors/{donor}/edit";

        var kind = await PostPageForm(manager, url, null, [new("Name", "Kingdom of Norway"), new("Kind", "7"), new("CountryIso2", "NO"), new("Language", "en")]);
        var noName = await PostPageForm(manager, url, null, [new("Name", " "), new("Kind", "MemberState"), new("CountryIso2", "NO"), new("Language", "fr")]);

        Assert.Contains("value=\"Kingdom of Norway\"", await AssertRefusedWith(kind, "“7” is not a valid value."));
        Assert.Matches("value=\"fr\" selected", (await AssertRefusedWith(noName, "Enter the donor's name.")).Replace("selected=\"selected\"", "selected"));
        await using var db = App.NewDbContext();
        var stored = await db.Donors.SingleAsync();
        Assert.Equal(("Norway", "en"), (stored.Name, stored.Language));
    }
}
