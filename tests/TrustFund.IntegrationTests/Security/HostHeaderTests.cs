using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// A reset link must point at TrustFund whatever Host header the request carried: built from the request, a link
/// holding a valid reset token would be e-mailed to the victim pointing at the attacker's site.
/// </summary>
public sealed class HostHeaderTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task ResetLink_UsesThePublicBaseUrl_WhateverHostTheRequestNamed(string host)
    {
        await CreateUser("ngo@example.org", Roles.Applicant);
        var client = NewClient();
        client.DefaultRequestHeaders.Host = host;
        // A proxy's forwarded host is not trusted either (no proxy is configured in the tests).
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        await PostForm(client, "/account/forgot-password", new() { ["Email"] = "ngo@example.org" });

        await using var db = App.NewDbContext();
        var mail = await db.OutboxEmails.SingleAsync();
        var links = Regex.Matches(mail.TextBody + mail.HtmlBody, @"https?://[^\s""<]+").Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(TrustFundAppFactory.PublicBaseUrl + "/account/reset-password?", WebUtility.HtmlDecode(link)));
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/register")]
    [InlineData("/")]
    public async Task RequestNamingAnotherHost_IsRefused_BeforeAnyPageRuns(string path)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ForgotPasswordPosted_WithAnotherHost_QueuesNoMail()
    {
        await CreateUser("ngo@example.org", Roles.Applicant);
        var page = await NewClient().GetStringAsync("/account/forgot-password");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var client = NewClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ngo@example.org", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Empty(await db.OutboxEmails.ToListAsync());
    }
}
