using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>API tokens die with the password and can be revoked by an administrator; an authenticator code works once;
/// a person can change their password and make new recovery codes.</summary>
public sealed partial class TokensAndFactorsTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private const string SecretariatOnly = "/api/v1/reports";

    [Fact]
    public async Task ChangePassword_OnItsPage_NeedsTheCurrentOne_AndEndsEveryApiToken()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().WithBearer(token).GetAsync(SecretariatOnly)).StatusCode);
        var client = await SignedIn(manager);

        var wrong = await PostForm(client, "/account/change-password",
            new() { ["CurrentPassword"] = "Not-My-Password-1", ["Password"] = "A-Brand-New-Pass-9", ["ConfirmPassword"] = "A-Brand-New-Pass-9" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await NewClient().WithBearer(token).GetAsync(SecretariatOnly)).StatusCode);

        var changed = await PostForm(client, "/account/change-password",
            new() { ["CurrentPassword"] = Password, ["Password"] = "A-Brand-New-Pass-9", ["ConfirmPassword"] = "A-Brand-New-Pass-9" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().WithBearer(token).GetAsync(SecretariatOnly)).StatusCode);
        await using var db = App.NewDbContext();
        Assert.NotNull((await db.ApiTokens.SingleAsync()).RevokedAt);
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "ChangePassword");
        Assert.Contains(App.Log.Entries, e => e.EventId == 9008 && e.Message.Contains(manager.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fund/reports")).StatusCode); // this session goes on
        await SignedIn(manager, "A-Brand-New-Pass-9");
    }

    [Fact]
    public async Task Tokens_ExpireWithinNinetyDays_EvenWhenNoDateIsChosen()
    {
        var ngo = await CreateUser("ngo@example.org", [Roles.Applicant], twoFactor: false);
        var client = await SignedIn(ngo);

        var tooLong = await PostForm(client, "/account/api-tokens?handler=Create",
            new() { ["Name"] = "Forever", ["ExpiresOn"] = App.Clock.GetUtcNow().AddDays(120).ToString("yyyy-MM-dd") }, pageUrl: "/account/api-tokens");
        Assert.Contains("A token works for at most 90 days: choose an earlier expiry date.", await tooLong.Content.ReadAsStringAsync());
        foreach (var (far, message) in new[] { ("9999-12-31", "Enter a date between 1 January 1900 and 31 December 2100."), ("0001-01-01", "Enter a date between 1 January 1900 and 31 December 2100."), ("2000-01-01", "The expiry date must be in the future.") })
        {
            var refused = await PostForm(client, "/account/api-tokens?handler=Create", new() { ["Name"] = "Far", ["ExpiresOn"] = far }, pageUrl: "/account/api-tokens");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync());
        }
        await PostForm(client, "/account/api-tokens?handler=Create", new() { ["Name"] = "Default", ["ExpiresOn"] = "" }, pageUrl: "/account/api-tokens");

        await using var db = App.NewDbContext();
        var token = await db.ApiTokens.SingleAsync();
        Assert.Equal("Default", token.Name);
        // PostgreSQL keeps microseconds.
        Assert.InRange(token.ExpiresAt!.Value, App.Clock.GetUtcNow().AddDays(90).AddMilliseconds(-1), App.Clock.GetUtcNow().AddDays(90));
    }

    [Fact]
    public async Task AnAdministrator_ListsTokensInUse_AndRevokesOne_WhichStopsWorking()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);
        var admin = await SignedIn(await CreateUser("admin@unodc.org", [Roles.Admin], twoFactor: true));

        var list = await admin.GetStringAsync("/admin/api-tokens");
        Assert.Contains("manager@unodc.org", list);
        await using (var db = App.NewDbContext())
        {
            var id = (await db.ApiTokens.SingleAsync()).Id;
            var revoked = await PostForm(admin, $"/admin/api-tokens?handler=Revoke&id={id}", [], pageUrl: "/admin/api-tokens");
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().WithBearer(token).GetAsync(SecretariatOnly)).StatusCode);
        Assert.Contains("No API token is in use.", await admin.GetStringAsync("/admin/api-tokens"));
        await using var after = App.NewDbContext();
        var audit = await after.AuditEntries.SingleAsync(a => a.Action == "RevokeAnyApiToken");
        Assert.Equal("admin@unodc.org", audit.UserName);
        // Only administrators reach the list.
        var other = await SignedIn(manager);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/admin/api-tokens")).StatusCode);
    }

    [Fact]
    public async Task AnAuthenticatorCode_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var code = AuthenticatorCode.At(await AuthenticatorKey(manager), App.Clock.GetUtcNow());

        var first = await SignInWithCode(manager, code);
        var replay = await SignInWithCode(manager, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("That code is not right.", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes_AndOneSignsIn_Logged()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        var made = await PostForm(client, "/account/two-factor?handler=RecoveryCodes", [], pageUrl: "/account/two-factor");
        var codes = RecoveryCode().Matches(await made.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(10, codes.Count);
        Assert.True(made.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCode(manager, codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInWithCode(manager, codes[0])).StatusCode); // a recovery code works once too
        Assert.Contains(App.Log.Entries, e => e.EventId == 9005 && e.Message.Contains(manager.Id.ToString()));
        Assert.DoesNotContain(App.Log.Entries, e => e.Message.Contains(codes[0]));
    }

    [Fact]
    public async Task AnAuthenticatorCode_IsCheckedOnTheAppsClock_NotTheMachines()
    {
        // The app's clock and the machine's disagree by years: only the code for the app's time signs in.
        App.Clock.SetUtcNow(new DateTimeOffset(2031, 7, 14, 12, 0, 0, TimeSpan.Zero));
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var key = await AuthenticatorKey(manager);
        // The machine's clock, pinned by the test to a day years from the app's, so the test holds on any date it runs.
        var machinesCode = AuthenticatorCode.At(key, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var appsCode = AuthenticatorCode.At(key, App.Clock.GetUtcNow());
        Assert.NotEqual(machinesCode, appsCode);

        var refused = await SignInWithCode(manager, machinesCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That code is not right.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCode(manager, appsCode)).StatusCode);
    }

    private async Task<HttpResponseMessage> SignInWithCode(ApplicationUser user, string code)
    {
        var client = NewClient();
        var step1 = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        return await PostForm(client, LocationOf(step1), new() { ["Code"] = code });
    }

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex RecoveryCode();
}
