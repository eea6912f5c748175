using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Features.Account;

/// <summary>
/// The NGO chooses its language when it registers (the page's by default): it is saved on the account and the
/// organisation, the confirmation e-mail is written in it and the pages follow it after signing in on any browser.
/// </summary>
public sealed partial class RegistrationLanguageTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private static Dictionary<string, string> Registration(string? language)
    {
        var fields = new Dictionary<string, string>
        {
            ["LegalName"] = "Red Andina contra la Trata", ["CountryIso2"] = "PE", ["DisplayName"] = "Lucía", ["Email"] = "lucia@redandina.org",
            ["Password"] = "Red-Andina-2027",
        };
        if (language is not null) fields["Language"] = language;
        return fields;
    }

    [Fact]
    public async Task Registration_OnAFrenchPage_OffersFrench_AndKeepsSpanishWhenChosen_ForTheAccountTheOrganisationAndTheEmail()
    {
        var client = NewClient();
        var page = await client.GetStringAsync("/register?culture=fr");
        Assert.Equal("fr", SelectedLanguage().Match(page).Groups[1].Value);

        var registered = await PostForm(client, "/register", Registration("es"));

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains(string.Format(JsonStringLocalizer.Catalogue("fr")["Thank you. We have sent a link to {0}: open it to confirm your address, then sign in."],
            "lucia@redandina.org"), WebUtility.HtmlDecode(await registered.Content.ReadAsStringAsync()));
        await using var db = App.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "lucia@redandina.org");
        Assert.Equal("es", user.PreferredLanguage);
        Assert.Equal("es", (await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId)).Language);
        var mail = await db.OutboxEmails.SingleAsync();
        Assert.Equal("Confirme su correo electrónico para TrustFund", mail.Subject);
        Assert.StartsWith("Bienvenido/a a TrustFund, Lucía.", mail.TextBody);

        // Confirmed and signed in from another browser, with no language cookie: the pages are in Spanish.
        var link = Regex.Match(mail.TextBody, @"https://trustfund\.test(/account/confirm-email\?\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await NewClient().GetAsync(link)).StatusCode);
        var elsewhere = await SignedIn(user, "Red-Andina-2027");
        Assert.Contains("<html lang=\"es\">", await elsewhere.GetStringAsync("/apply"));
    }

    [Theory]
    [InlineData("es", null, "es")]   // the choice left out: the page's language, as the select offers
    [InlineData("fr", "en", "en")]
    public async Task Registration_SavesTheChosenLanguage_OrThePagesWhenNoneIsPosted(string page, string? chosen, string saved)
    {
        var client = NewClient();
        await client.GetAsync($"/register?culture={page}");

        Assert.Equal(HttpStatusCode.OK, (await PostForm(client, "/register", Registration(chosen))).StatusCode);

        await using var db = App.NewDbContext();
        Assert.Equal(saved, (await db.Users.SingleAsync()).PreferredLanguage);
        Assert.Equal(saved, (await db.Organisations.SingleAsync()).Language);
    }

    [Fact]
    public async Task Registration_WithALanguageTheFundDoesNotUse_IsRefusedInThePagesLanguage_AndCreatesNothing()
    {
        var client = NewClient();
        await client.GetAsync("/register?culture=fr");

        var refused = await PostForm(client, "/register", Registration("de"));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(JsonStringLocalizer.Catalogue("fr")["Choose English, French or Spanish."], html);
        await using var db = App.NewDbContext();
        Assert.Equal((0, 0), (await db.Users.CountAsync(), await db.OutboxEmails.CountAsync()));
    }

    [GeneratedRegex("<option value=\"(en|fr|es)\" selected=\"selected\"")]
    private static partial Regex SelectedLanguage();
}
