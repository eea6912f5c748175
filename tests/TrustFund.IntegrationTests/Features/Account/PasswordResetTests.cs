using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Identity;
using TrustFund.Infrastructure.Email;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Account;

public sealed class PasswordResetTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ForgotPassword_WritesAnEmailToTheOutbox_WhichTheDispatcherDeliversAsAnEmlFile_AndTheLinkResetsThePassword()
    {
        var user = await CreateUser("ngo@example.org", Roles.Applicant);
        await using (var db = App.NewDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.PreferredLanguage = "fr";
            await db.SaveChangesAsync();
        }

        var asked = await PostForm(NewClient(), "/account/forgot-password", new() { ["Email"] = "ngo@example.org" });
        Assert.Contains("If an account exists for that address", await asked.Content.ReadAsStringAsync());

        await using (var db = App.NewDbContext())
        {
            var queued = await db.OutboxEmails.SingleAsync();
            Assert.Equal("ngo@example.org", queued.To);
            Assert.Null(queued.SentAt);
        }

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());

        var file = Assert.Single(Directory.GetFiles(App.PickupDirectory, "*.eml"));
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains("=?utf-8?", eml, StringComparison.OrdinalIgnoreCase); // the French subject is encoded
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("Réinitialiser votre mot de passe TrustFund", message.Subject);
        var link = Regex.Match(message.TextBody ?? "", @"https://trustfund\.test/account/reset-password\?\S+").Value;
        Assert.NotEmpty(link);

        var client = NewClient();
        var reset = await PostForm(client, link.Replace(TrustFundAppFactory.PublicBaseUrl, ""),
            new() { ["Password"] = "A-New-Password-2027", ["ConfirmPassword"] = "A-New-Password-2027" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await SignedIn(user, "A-New-Password-2027");

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());
    }

    /// <summary>
    /// A reset link cut short (no address, or no code, as a mail program may break it) says once, in the reader's language,
    /// that it no longer works; it showed ASP.NET's English "The Email field is required." against a hidden field. Posting
    /// the form of such a link is refused the same way.
    /// </summary>
    [Theory]
    [InlineData("?email=&code=abc")]
    [InlineData("?email=ngo%40example.org&code=")]
    [InlineData("")]
    public async Task ResetPassword_LinkWithoutItsAddressOrCode_SaysOnceInFrenchThatTheLinkIsNoLongerValid(string query)
    {
        var client = NewClient();
        await client.GetAsync("/?culture=fr");

        var page = await (await client.GetAsync("/account/reset-password" + query)).Content.ReadAsStringAsync();
        var posted = await PostForm(client, "/account/reset-password" + query,
            new() { ["Password"] = "A-New-Password-2027", ["ConfirmPassword"] = "A-New-Password-2027" });
        var refusal = await posted.Content.ReadAsStringAsync();

        foreach (var html in new[] { page, refusal })
        {
            Assert.Single(Regex.Matches(WebUtility.HtmlDecode(html), Regex.Escape("Ce lien n’est plus valide. Demandez-en un nouveau.")));
            Assert.DoesNotContain("required", html);
        }
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_SendsNothing_ButSaysTheSame()
    {
        var asked = await PostForm(NewClient(), "/account/forgot-password", new() { ["Email"] = "nobody@example.org" });

        Assert.Contains("If an account exists for that address", await asked.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task ResetPassword_WithAForgedCode_IsRefused()
    {
        await CreateUser("ngo@example.org", Roles.Applicant);

        var response = await PostForm(NewClient(), "/account/reset-password?email=ngo%40example.org&code=Zm9yZ2Vk",
            new() { ["Password"] = "A-New-Password-2027", ["ConfirmPassword"] = "A-New-Password-2027" });

        Assert.Contains("This link is no longer valid.", await response.Content.ReadAsStringAsync());
    }
}
