using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Identity;
using TrustFund.Domain.Security;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.ApiTokens;

public sealed partial class ApiTokenTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private const string SecretariatOnly = "/api/v1/reports";

    [Fact]
    public async Task CreateApiToken_OnTheAccountPage_ShowsTheSecretOnce_AndStoresOnlyItsHash()
    {
        var user = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(user);

        var response = await PostForm(client, "/account/api-tokens?handler=Create",
            new() { ["Name"] = "Quarterly dashboard", ["ExpiresOn"] = "" }, pageUrl: "/account/api-tokens");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var secret = CreatedToken().Match(html).Groups[1].Value;
        Assert.Matches("^tf_[A-Za-z0-9_-]{43}$", secret);
        var again = await client.GetStringAsync("/account/api-tokens");
        Assert.Contains("Quarterly dashboard", again);
        Assert.DoesNotContain(secret, again);

        await using var db = App.NewDbContext();
        var stored = await db.ApiTokens.SingleAsync();
        Assert.Equal(ApiToken.HashOf(secret), stored.TokenHash);
        Assert.Equal(user.Id, stored.UserId);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(ApiToken));
        Assert.Equal("CreateApiToken", audit.Action);
        Assert.Contains("Quarterly dashboard", audit.Changes);
        Assert.DoesNotContain(secret, audit.Changes);
        Assert.DoesNotContain(stored.TokenHash, audit.Changes);
    }

    [Fact]
    public async Task CreateApiToken_StaffWithoutTwoFactor_IsRefused()
    {
        var user = await CreateUser("trustee@example.org", [Roles.Trustee], twoFactor: false);
        var client = await SignedIn(user);

        var response = await PostForm(client, "/account/api-tokens?handler=Create", new() { ["Name"] = "Scores" },
            pageUrl: "/account/api-tokens");

        Assert.Contains("Turn on two-factor authentication before creating an API token", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ApiTokens.CountAsync());
    }

    [Fact]
    public async Task CreateApiToken_ApplicantWithoutTwoFactor_IsAllowed()
    {
        var user = await CreateUser("ngo@example.org", Roles.Applicant);
        var client = await SignedIn(user);

        var response = await PostForm(client, "/account/api-tokens?handler=Create",
            new() { ["Name"] = "Our CRM", ["ExpiresOn"] = App.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd") },
            pageUrl: "/account/api-tokens");

        Assert.Matches(CreatedToken(), await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        var token = await db.ApiTokens.SingleAsync();
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(31), token.ExpiresAt!.Value.UtcDateTime);
    }

    [Fact]
    public async Task Bearer_ValidToken_SignsInAsTheOwner_AndRecordsTheUse()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);

        var response = await NewClient().WithBearer(token).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.NewDbContext();
        var lastUsed = (await db.ApiTokens.SingleAsync()).LastUsedAt!.Value;
        Assert.InRange(lastUsed, App.Clock.GetUtcNow().AddMilliseconds(-1), App.Clock.GetUtcNow()); // PostgreSQL keeps microseconds
    }

    [Fact]
    public async Task Bearer_RevokedToken_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);
        var client = await SignedIn(manager);
        await using (var db = App.NewDbContext())
        {
            var id = (await db.ApiTokens.SingleAsync()).Id;
            var revoke = await PostForm(client, $"/account/api-tokens?handler=Revoke&id={id}", new(), pageUrl: "/account/api-tokens");
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        var response = await NewClient().WithBearer(token).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Revoked", await client.GetStringAsync("/account/api-tokens"));
        await using var after = App.NewDbContext();
        var audit = await after.AuditEntries.SingleAsync(a => a.Action == "RevokeApiToken");
        Assert.Contains("RevokedAt", audit.Changes);
    }

    [Fact]
    public async Task RevokeApiToken_SomeoneElsesToken_IsNotFound()
    {
        var owner = await CreateUser("owner@example.org", Roles.Applicant);
        await ApiClient.TokenFor(App, owner);
        var other = await SignedIn(await CreateUser("other@example.org", Roles.Applicant));
        await using var db = App.NewDbContext();
        var id = (await db.ApiTokens.SingleAsync()).Id;

        var response = await PostForm(other, $"/account/api-tokens?handler=Revoke&id={id}", new(), pageUrl: "/account/api-tokens");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var after = App.NewDbContext();
        Assert.Null((await after.ApiTokens.SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task Bearer_ExpiredToken_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager, expiresAt: App.Clock.GetUtcNow().AddDays(1));
        var client = NewClient().WithBearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SecretariatOnly)).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(SecretariatOnly)).StatusCode);
    }

    [Theory]
    [InlineData("tf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-trustfund-token")]
    public async Task Bearer_WrongToken_IsRefusedWithAProblem(string wrong)
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        await ApiClient.TokenFor(App, manager);

        var response = await NewClient().WithBearer(wrong).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bearer_LockedOutUser_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(manager.Id.ToString()))!;
            IdentityFailure.ThrowIfFailed(await users.SetLockoutEndDateAsync(stored, DateTimeOffset.MaxValue)); // locked out for good, on any date
        }

        var response = await NewClient().WithBearer(token).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_StaffTokenAfterTwoFactorTurnedOff_IsRefused()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var token = await ApiClient.TokenFor(App, manager);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            IdentityFailure.ThrowIfFailed(await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(manager.Id.ToString()))!, false));
        }

        var response = await NewClient().WithBearer(token).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_OwnerWithoutTheRole_IsForbidden()
    {
        var applicant = await CreateUser("ngo@example.org", Roles.Applicant);
        var token = await ApiClient.TokenFor(App, applicant);

        var response = await NewClient().WithBearer(token).GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cookie_OnTheApi_IsIgnored_OnlyBearerCounts()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fund/reports")).StatusCode);

        var response = await client.GetAsync(SecretariatOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // not a redirect to the login page
        client.WithBearer(await ApiClient.TokenFor(App, manager));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SecretariatOnly)).StatusCode);
    }

    [Fact]
    public async Task Bearer_OnAPage_IsIgnored()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = NewClient().WithBearer(await ApiClient.TokenFor(App, manager));

        var response = await client.GetAsync("/fund/reports");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(response));
    }

    [GeneratedRegex("id=\"created-token\"[^>]*value=\"(tf_[A-Za-z0-9_-]+)\"")]
    private static partial Regex CreatedToken();
}
