using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>The administrator's list of API tokens: a revocation posted again from a page left open is refused on the list itself.</summary>
public sealed class ApiTokenListFormTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task RevokingATokenAlreadyRevoked_IsRefusedWithThatMessage_AndTheListStillShowsTheOthers()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var officer = await CreateUser("officer@unodc.org", [Roles.CertifyingOfficer], twoFactor: true);
        await ApiClient.TokenFor(App, manager);
        await ApiClient.TokenFor(App, officer);
        var admin = await SignedIn(await CreateUser("admin@unodc.org", [Roles.Admin], twoFactor: true));
        Guid managers;
        await using (var db = App.NewDbContext()) managers = (await db.ApiTokens.SingleAsync(t => t.UserId == manager.Id)).Id;
        var (action, fields) = await PageForm(admin, "/admin/api-tokens", "Revoke", [], containing: managers.ToString());
        Assert.Equal("/admin/api-tokens", LocationOf(await admin.PostAsync(action, new FormUrlEncodedContent(fields))));

        // The same button from a second tab still showing the token (a new post, not a resend of the first).
        fields.RemoveAll(f => f.Key == "__IdempotencyKey");
        var again = await admin.PostAsync(action, new FormUrlEncodedContent(fields));

        var html = await AssertRefusedWith(again, "This token is already revoked.");
        Assert.Contains("officer@unodc.org", html);
        Assert.DoesNotContain("No API token is in use.", html);
        var unknown = await admin.PostAsync(action.Replace(managers.ToString(), Guid.NewGuid().ToString()), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
