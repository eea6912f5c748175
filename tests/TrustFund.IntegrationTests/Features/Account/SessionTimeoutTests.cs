using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Account;

/// <summary>
/// The timeout warning's server side: every signed-in page says how long the sign-in has left by the app's clock (an
/// 8-hour session, renewed by a request once Identity has checked the account again, at most every 5 minutes), and
/// "Stay signed in" issues the sign-in again for a whole session.
/// </summary>
public sealed partial class SessionTimeoutTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private static readonly int Session = (int)TimeSpan.FromHours(8).TotalSeconds;

    [Fact]
    public async Task SignedInPages_SayHowLongTheSignInHasLeft_ByTheAppsClock_AndAnonymousPagesHaveNoWarning()
    {
        var client = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        Assert.Equal(Session, SecondsLeft(await client.GetStringAsync("/notifications")));

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var page = await client.GetAsync("/notifications");
        Assert.Equal(Session - 180, SecondsLeft(await page.Content.ReadAsStringAsync()));
        Assert.Equal($"{Session - 180}", page.Headers.GetValues("X-Session-Expires-In").Single()); // for the autosave's answers
        // Past Identity's 5-minute check, a request renews the sign-in: the page counts from the renewed one.
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(Session, SecondsLeft(await client.GetStringAsync("/notifications")));

        Assert.DoesNotContain("session-timeout", await NewClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task StaySignedIn_IssuesTheSignInAgainForAWholeSession_SoItOutlivesTheFirst()
    {
        var client = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        // The page that shows the warning, loaded now and left open: the person does nothing for 7 hours 58 minutes.
        var fields = HiddenFieldsOf(WebUtility.HtmlDecode(await client.GetStringAsync("/notifications")));
        App.Clock.Advance(TimeSpan.FromHours(8) - SessionTimeoutWarning);

        var response = await client.PostAsync("/account/keep-alive", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Session, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("expiresIn").GetInt32());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tf.auth"));
        App.Clock.Advance(TimeSpan.FromHours(7)); // 15 hours after signing in
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notifications")).StatusCode);
    }

    /// <summary>The control: the same idle page without "Stay signed in" is signed out when the session ends.</summary>
    [Fact]
    public async Task WithoutStayingSignedIn_AnIdleSignInEndsWithItsSession()
    {
        var client = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notifications")).StatusCode);
        App.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        var later = await client.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(later));
    }

    /// <summary>
    /// Roles travel in the sign-in cookie: when an administrator takes a role away, the person's open session keeps it
    /// until Identity's next check of the account (5 minutes at most), then loses it, not sooner and not later.
    /// </summary>
    [Fact]
    public async Task ARoleTakenAway_LeavesTheOpenSession_AtIdentitysNextCheck_NotBefore()
    {
        var member = await CreateUser("manager@example.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fund/grants")).StatusCode);

        await Send(new TrustFund.Application.Features.Users.SetUserRoles.Command(member.Id, [Roles.Donor]));
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        var beforeTheCheck = await client.GetAsync("/fund/grants");
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterTheCheck = await client.GetAsync("/fund/grants");

        Assert.Equal(HttpStatusCode.OK, beforeTheCheck.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, afterTheCheck.StatusCode);
    }

    [Fact]
    public async Task StaySignedIn_WithoutTheAntiforgeryToken_OrSignedOut_KeepsNothingOpen()
    {
        var client = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));

        var forged = await client.PostAsync("/account/keep-alive", new FormUrlEncodedContent([]));
        var anonymous = await NewClient().PostAsync("/account/keep-alive", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tf.auth")));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static readonly TimeSpan SessionTimeoutWarning = TimeSpan.FromMinutes(2);

    private static int SecondsLeft(string html) =>
        int.Parse(ExpiresIn().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no timeout warning on the page"));

    [GeneratedRegex("id=\"session-timeout\"[^>]*data-expires-in=\"(\\d+)\"")]
    private static partial Regex ExpiresIn();
}
