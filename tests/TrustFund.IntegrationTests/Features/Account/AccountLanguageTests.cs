using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Account;

/// <summary>A person's language is saved on their account and follows them to any browser they sign in from.</summary>
public sealed class AccountLanguageTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SigningIn_FromABrowserThatNeverSawTheSite_ShowsThePagesInTheAccountsLanguage()
    {
        var user = await CreateUser("lucia@ong.org", Roles.Applicant);
        await SetLanguage(user, "es");

        var client = await SignedIn(user); // a fresh client: no culture cookie, no Accept-Language
        var html = await client.GetStringAsync("/notifications");

        Assert.Contains("<html lang=\"es\"", html);
        Assert.Contains("Cerrar sesión", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task ALanguagePickedByLink_IsRememberedForAYear_CountedByTheBrowser()
    {
        var response = await NewClient().GetAsync("/?culture=es");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture="));
        Assert.StartsWith(".AspNetCore.Culture=c%3Des%7Cuic%3Des;", cookie);
        Assert.Contains("max-age=31536000", cookie);
        Assert.DoesNotContain("expires=", cookie); // a date would come from the server's clock
    }

    [Fact]
    public async Task TheAccountPage_SavesTheLanguage_ForThisBrowserAndTheNextSignIn()
    {
        var user = await CreateUser("amina@ong.org", Roles.Applicant);
        var client = await SignedIn(user);

        var response = await PostForm(client, "/account/language", new() { ["Language"] = "fr" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/language"));
        Assert.Contains("<html lang=\"fr\"", page);
        Assert.Contains("La langue de votre compte est enregistrée.", page);
        await using (var db = App.NewDbContext())
            Assert.Equal("fr", (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage);
        Assert.Contains("<html lang=\"fr\"", await (await SignedIn(user)).GetStringAsync("/notifications"));
    }

    [Fact]
    public async Task TheAccountPage_RefusesALanguageItDoesNotOffer()
    {
        var user = await CreateUser("amina@ong.org", Roles.Applicant);
        var client = await SignedIn(user);

        var response = await PostForm(client, "/account/language", new() { ["Language"] = "de" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose English, French or Spanish.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal("en", (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage);
    }

    private async Task SetLanguage(ApplicationUser user, string language)
    {
        await using var db = App.NewDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language));
    }
}
