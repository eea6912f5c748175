using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// The sign-in limits count attempts (posts), per client address and per account, so that a deadline-day crowd behind
/// one proxy is not one bucket and opening the page costs nothing; forwarded headers are believed from the configured
/// proxy only; every sign-in event is logged without a secret.
/// </summary>
public sealed class SignInProtectionTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private const string Proxy = "10.0.0.5";

    /// <summary>The same application with small limits and one trusted proxy (the shared one allows 1000 a minute).</summary>
    private WebApplicationFactory<Program> Strict() => App.WithWebHostBuilder(b =>
    {
        b.UseSetting("Security:LoginAttemptsPerMinute", "3");
        b.UseSetting("Security:LoginAttemptsPerAccountPerMinute", "2");
        b.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
    });

    private static HttpClient From(WebApplicationFactory<Program> app, string address, string baseAddress = "https://localhost")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> TrySignIn(HttpClient client, string email) =>
        PostForm(client, "/account/login", new() { ["Email"] = email, ["Password"] = "Not-The-Password-1" });

    [Fact]
    public async Task AddressLimit_CountsPostsNotPageViews_AndEachAddressHasItsOwn()
    {
        await using var app = Strict();
        var office = From(app, "198.51.100.1");

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/account/login")).StatusCode);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await TrySignIn(office, $"person{i}@example.org")).StatusCode);
        var fourth = await TrySignIn(office, "person4@example.org");
        var neighbour = await TrySignIn(From(app, "198.51.100.2"), "person5@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        Assert.Contains(App.Log.Entries, e => e.EventId == 9004 && e.Message.Contains("(address) from 198.51.100.1"));
    }

    [Fact]
    public async Task AccountLimit_HoldsAcrossAddresses_AndItsPageSpeaksTheReadersLanguage()
    {
        await CreateUser("ngo@example.org", Roles.Applicant);
        await using var app = Strict();

        Assert.Equal(HttpStatusCode.OK, (await TrySignIn(From(app, "203.0.113.1"), "ngo@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TrySignIn(From(app, "203.0.113.2"), "NGO@example.org ")).StatusCode);
        var french = From(app, "203.0.113.3");
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var third = await TrySignIn(french, "ngo@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Trop de tentatives. Patientez une minute, puis réessayez.", await third.Content.ReadAsStringAsync());
        // Another account from the same address is not held back.
        Assert.Equal(HttpStatusCode.OK, (await TrySignIn(french, "someone.else@example.org")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeaders_AreBelieved_FromTheConfiguredProxyOnly()
    {
        await using var app = Strict();
        var viaProxy = From(app, Proxy);
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var direct = From(app, "198.51.100.9");
        direct.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");

        await TrySignIn(viaProxy, "a@example.org");
        await TrySignIn(direct, "b@example.org");

        var failures = App.Log.Entries.Where(e => e.EventId == 9002).Select(e => e.Message).ToList();
        Assert.Contains("Sign-in failed for no such account (password) from 203.0.113.7", failures);
        Assert.Contains("Sign-in failed for no such account (password) from 198.51.100.9", failures);
        Assert.DoesNotContain(failures, f => f.Contains("203.0.113.8"));
    }

    [Fact]
    public async Task ForwardedProto_FromTheProxy_MakesTheRequestHttps_AndBringsHsts()
    {
        await using var app = Strict();
        var viaProxy = From(app, Proxy, "http://trustfund.test");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var direct = From(app, "198.51.100.9", "http://trustfund.test");
        direct.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var proxied = await viaProxy.GetAsync("/");
        var spoofed = await direct.GetAsync("/");

        Assert.Equal("max-age=31536000", string.Join(",", proxied.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"), "a client's own X-Forwarded-Proto is ignored");
    }

    [Fact]
    public async Task EveryCookie_IsSecureAndHttpOnlyWhereItMatters_OutsideDevelopment()
    {
        var user = await CreateUser("ngo@example.org", Roles.Applicant);
        var client = NewClient();

        var page = await client.GetAsync("/account/login?culture=fr");
        var signedIn = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("tf.auth="));
        Assert.Contains(cookies, c => c.StartsWith("tf.af="));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies.Where(c => c.StartsWith("tf.auth=") || c.StartsWith("tf.af=")),
            c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignInEvents_AreLogged_WithoutPasswordsCodesOrTypedAddresses()
    {
        var user = await CreateUser("officer@unodc.org", [Roles.FundManager], twoFactor: true);
        await TrySignIn(NewClient(), "typo-officer@unodc.org");
        await PostForm(NewClient(), "/account/login", new() { ["Email"] = "officer@unodc.org", ["Password"] = "Wrong-Password-77" });
        var client = await SignedIn(user);
        await PostForm(client, "/account/logout", [], pageUrl: "/account/two-factor");

        var log = App.Log.Entries.Where(e => e.Category.EndsWith("AuthenticationLog")).ToList();
        Assert.Contains(log, e => e.EventId == 9002 && e.Message.Contains("no such account"));
        Assert.Contains(log, e => e.EventId == 9002 && e.Message.Contains(user.Id.ToString()));
        Assert.Contains(log, e => e.EventId == 9001 && e.Message.Contains(user.Id.ToString()) && e.Message.Contains("password+totp"));
        Assert.Contains(log, e => e.EventId == 9009 && e.Message.Contains(user.Id.ToString()));
        var everything = string.Join("\n", App.Log.Entries.Select(e => e.Message));
        Assert.DoesNotContain("Wrong-Password-77", everything);
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain("typo-officer", everything);
    }
}
