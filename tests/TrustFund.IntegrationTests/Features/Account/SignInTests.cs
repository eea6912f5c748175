using System.Net;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Account;

public sealed class SignInTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedOut_EvenWithTheRightPassword()
    {
        var user = await CreateUser("ngo@example.org", Roles.Applicant);
        var client = NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = "wrong-password" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        var html = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", html);
    }

    [Fact]
    public async Task Login_WithWrongPassword_SaysSoWithoutRevealingWhetherTheAccountExists()
    {
        await CreateUser("ngo@example.org", Roles.Applicant);
        var known = await PostForm(NewClient(), "/account/login", new() { ["Email"] = "ngo@example.org", ["Password"] = "nope-nope-nope" });
        var unknown = await PostForm(NewClient(), "/account/login", new() { ["Email"] = "nobody@example.org", ["Password"] = "nope-nope-nope" });

        Assert.Contains("The e-mail address or password is not right.", await known.Content.ReadAsStringAsync());
        Assert.Contains("The e-mail address or password is not right.", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffWithoutTwoFactor_IsSentToSetUpTwoFactor_BeforeAnyStaffPage()
    {
        var manager = await CreateUser("manager@unodc.test", Roles.FundManager);
        var client = await SignedIn(manager);

        var response = await client.GetAsync("/fund/calls");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Ffund%2Fcalls", LocationOf(response));
    }

    [Fact]
    public async Task StaffWhoTurnsOnTwoFactor_ReachesTheStaffPages_AndMustGiveACodeNextTime()
    {
        var manager = await CreateUser("manager@unodc.test", Roles.FundManager);
        var client = await SignedIn(manager);
        await client.GetAsync("/account/two-factor"); // creates the key shown to the person
        var code = AuthenticatorCode.At(await AuthenticatorKey(manager), App.Clock.GetUtcNow());

        var enabled = await PostForm(client, "/account/two-factor", new() { ["Code"] = code });
        Assert.Contains("Your recovery codes", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fund/calls")).StatusCode);

        var again = await PostForm(NewClient(), "/account/login", new() { ["Email"] = manager.Email!, ["Password"] = Password });
        Assert.StartsWith("/account/login-2fa", LocationOf(again));
    }

    [Fact]
    public async Task TwoFactorLogin_WithAWrongCode_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var client = NewClient();
        var step1 = await PostForm(client, "/account/login", new() { ["Email"] = manager.Email!, ["Password"] = Password });

        var step2 = await PostForm(client, LocationOf(step1), new() { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        Assert.Contains("That code is not right.", await step2.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/fund/calls")).StatusCode);
    }

    [Fact]
    public async Task Applicant_NeedsNoSecondFactor()
    {
        var ngo = await CreateUser("ngo@example.org", Roles.Applicant);
        var client = await SignedIn(ngo);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logout_IsAPostWithAntiforgery_AndEndsTheSession()
    {
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        var response = await PostForm(client, "/account/logout", [], pageUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(await client.GetAsync("/fund/calls")));
    }
}
