using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Account;

/// <summary>The two-factor pages refuse a wrong or old code with that message only, and change nothing.</summary>
public sealed partial class TwoFactorPagesTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task TwoFactorPage_AnOldCode_OrNone_IsRefusedWithThatMessageOnly_TheSameKeyShownAgain_AndTwoFactorStaysOff()
    {
        var manager = await CreateUser("manager@unodc.test", Roles.FundManager);
        var client = await SignedIn(manager);
        var shown = SharedKey().Match(await client.GetStringAsync("/account/two-factor")).Groups[1].Value;
        var key = await AuthenticatorKey(manager);
        // A code the app showed ten minutes ago, as from a phone whose clock is wrong.
        var old = AuthenticatorCode.At(key, App.Clock.GetUtcNow().AddMinutes(-10));

        var refused = await PostPageForm(client, "/account/two-factor", null, [new("Code", old)]);

        var html = await AssertRefusedWith(refused, "That code is not right. Codes change every 30 seconds: try the current one.");
        Assert.Equal(shown, SharedKey().Match(html).Groups[1].Value);
        Assert.DoesNotContain("Your recovery codes", html);
        var empty = await PostPageForm(client, "/account/two-factor", null, [new("Code", " ")]);
        await AssertRefusedWith(empty, "Enter the 6-digit code shown by your app.");
        await using var db = App.NewDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == manager.Id)).TwoFactorEnabled);
    }

    [Fact]
    public async Task TwoFactorPage_ShowsTheKeyOnlyWhileTwoFactorIsOff_AndOffersNewRecoveryCodesOnceItIsOn()
    {
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        var html = await client.GetStringAsync("/account/two-factor");

        Assert.Contains("Two-factor authentication is on for your account.", html);
        Assert.DoesNotContain("Turn on two-factor authentication", html); // the set-up form was shown after the markup of the other states
        Assert.DoesNotContain(">else", html);
        var codes = await PostPageForm(client, "/account/two-factor", "RecoveryCodes", []);
        Assert.Contains("Your recovery codes", await codes.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginWith2fa_ACodeFromTenMinutesAgo_IsRefusedWithThatMessageOnly_AndDoesNotSignIn()
    {
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var client = NewClient();
        var step1 = await PostForm(client, "/account/login", new() { ["Email"] = manager.Email!, ["Password"] = Password });
        var old = AuthenticatorCode.At(await AuthenticatorKey(manager), App.Clock.GetUtcNow().AddMinutes(-10));

        var step2 = await PostPageForm(client, LocationOf(step1), null, [new("Code", old)]);

        await AssertRefusedWith(step2, "That code is not right. Codes change every 30 seconds: try the current one.");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/fund/calls")).StatusCode);
    }

    [GeneratedRegex("<code class=\"secret\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKey();
}
