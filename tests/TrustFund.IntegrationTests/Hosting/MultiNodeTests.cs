using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.Domain.Messaging;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>Several nodes on one PostgreSQL, as docker-compose scales the web replicas and runs the worker beside them.</summary>
public sealed class MultiNodeTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SignInCookie_FromOneWebNode_IsAcceptedByTheOther()
    {
        var user = await CreateUser("officer@unodc.test", Roles.Donor);
        await using var first = Node();
        await using var second = Node();
        var firstClient = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Https });

        var signIn = await PostForm(firstClient, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tf.auth=")).Split(';')[0];

        var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Https });
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        signedIn.Headers.Add("Cookie", cookie);
        var page = await secondClient.SendAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(await secondClient.GetAsync("/notifications")));
    }

    [Fact]
    public async Task TwoNodesRunningTheOutboxDispatcher_SendEachMailOnce()
    {
        var folders = new[] { Folder(), Folder() };

        await using (var first = Dispatching(folders[0]))
        await using (var second = Dispatching(folders[1]))
        {
            _ = first.Services; // both running and polling before the mail is queued
            _ = second.Services;
            await using var db = App.NewDbContext();
            for (var i = 0; i < 40; i++)
                db.OutboxEmails.Add(new OutboxEmail($"person{i}@example.org", "Reminder", "Your report is due.", null, App.Clock.GetUtcNow(), $"multi-node:{i}"));
            await db.SaveChangesAsync();
            for (var waited = 0; await db.OutboxEmails.CountAsync(e => e.SentAt == null) > 0; waited += 100)
            {
                Assert.True(waited < 60_000, "the two dispatchers did not send the outbox within a minute");
                await Task.Delay(100);
            }
        }

        var files = folders.SelectMany(f => Directory.Exists(f) ? Directory.GetFiles(f, "*.eml") : []).ToList();
        try
        {
            Assert.Equal(40, files.Count);
            var recipients = files.Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
            Assert.Equal(40, recipients.Distinct().Count());
        }
        finally
        {
            foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }

    // Cookies are Secure outside Development, so the nodes are spoken to over https, as behind the TLS proxy.
    private static readonly Uri Https = new("https://localhost");

    // Every node encrypts and reads the shared key ring with the same certificate, as the deployed replicas do.
    private NodeFactory Node(params (string Key, string Value)[] settings) =>
        new(App.ConnectionString, App.Clock, settings.Append((Key: "DataProtection:CertificatePath", Value: App.DataProtectionCertificatePath))
            .ToDictionary(s => s.Key, s => s.Value));

    /// <summary>A worker node whose dispatcher polls every second and drops its mail in its own folder.</summary>
    private NodeFactory Dispatching(string folder) =>
        Node(("Outbox:RunDispatcher", "true"), ("Outbox:PollSeconds", "1"), ("Outbox:BatchSize", "3"), ("Smtp:PickupDirectory", folder));

    private static string Folder() => Path.Combine(Path.GetTempPath(), "trustfund-test-mail", Guid.NewGuid().ToString("N"));
}
