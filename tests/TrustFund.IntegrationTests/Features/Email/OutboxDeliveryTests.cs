using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Messaging;
using TrustFund.Infrastructure.Email;
using TrustFund.IntegrationTests.Support;
using static TrustFund.IntegrationTests.Support.TestSmtpServer.Answer;

namespace TrustFund.IntegrationTests.Features.Email;

/// <summary>
/// The outbox against a real SMTP server: a refusal for now is tried again after a growing delay, a refusal for good
/// stops at once, a dropped connection is tried again, and two dispatchers at once never send a mail twice.
/// </summary>
public sealed class OutboxDeliveryTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ServerRefusesForNow_TheMailWaitsAboutAMinute_ThenIsSentOnce()
    {
        await using var smtp = await Started(RefuseForNow);
        var id = await Queue("maria@esperanza.org");

        Assert.Equal(0, await Dispatch(smtp));
        var failed = await Mail(id);
        Assert.Equal((1, (DateTimeOffset?)null, (DateTimeOffset?)null), (failed.Attempts, failed.SentAt, failed.GivenUpAt));
        Assert.Contains("451", failed.LastError);
        var wait = failed.LockedUntil!.Value - App.Clock.GetUtcNow();
        Assert.InRange(wait, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));

        Assert.Equal(0, await Dispatch(smtp)); // not before its time
        Assert.Single(smtp.Received);

        App.Clock.Advance(wait + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatch(smtp));
        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(id.ToString("N") + "@trustfund", Assert.Single(smtp.Accepted).MessageId);
        Assert.NotNull((await Mail(id)).SentAt);
    }

    [Fact]
    public async Task ConnectionDroppedMidMessage_IsTriedAgain_AndDeliveredOnce()
    {
        await using var smtp = await Started(DropConnection);
        var id = await Queue("maria@esperanza.org");

        Assert.Equal(0, await Dispatch(smtp));
        var failed = await Mail(id);
        Assert.True(failed.GivenUpAt is null, $"given up after: {failed.LastError}");
        Assert.NotNull(failed.LockedUntil);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Dispatch(smtp));
        Assert.Single(smtp.Accepted);
        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Dispatch(smtp));
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task ServerRefusesForGood_TheMailIsNotTriedAgain_UntilAnAdministratorResendsIt()
    {
        await using var smtp = await Started(RefuseForGood);
        var id = await Queue("nobody@esperanza.org");

        Assert.Equal(0, await Dispatch(smtp));
        var refused = await Mail(id);
        Assert.NotNull(refused.GivenUpAt);
        Assert.Contains("550", refused.LastError);
        App.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(0, await Dispatch(smtp));
        Assert.Single(smtp.Received);

        await using (var db = App.NewDbContext())
        {
            (await db.OutboxEmails.SingleAsync(e => e.Id == id)).Resend();
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await Dispatch(smtp));
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task ServerDownForThreeDays_TheMailIsTriedLessAndLessOften_ThenGivenUp()
    {
        await using var smtp = await Started(Enumerable.Repeat(RefuseForNow, 100).ToArray());
        var id = await Queue("maria@esperanza.org");
        var start = App.Clock.GetUtcNow();
        var waits = new List<TimeSpan>();
        for (var round = 0; round < 100; round++)
        {
            await Dispatch(smtp);
            var mail = await Mail(id);
            if (mail.GivenUpAt is not null) break;
            waits.Add(mail.LockedUntil!.Value - App.Clock.GetUtcNow());
            App.Clock.SetUtcNow(mail.LockedUntil.Value);
        }

        var given = await Mail(id);
        Assert.NotNull(given.GivenUpAt);
        Assert.InRange(given.GivenUpAt!.Value - start, TimeSpan.FromDays(2.5), TimeSpan.FromDays(3));
        Assert.InRange(waits[0], TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));
        Assert.InRange(waits[3], TimeSpan.FromMinutes(8 * 0.8), TimeSpan.FromMinutes(8 * 1.2));
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromHours(6 * 1.2), $"waited {w}"));
        Assert.InRange(waits.Count, 15, 30); // tried about twenty times in three days, not every few seconds
        Assert.Empty(smtp.Accepted);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_SendEachMailOnce()
    {
        await using var smtp = await Started();
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++) ids.Add(await Queue($"person{i}@example.org"));

        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            for (int batch; (batch = await Dispatch(smtp, batchSize: 5)) > 0;) total += batch;
            return total;
        })));

        Assert.Equal(40, sent.Sum());
        Assert.Equal(40, smtp.Accepted.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(40, smtp.Received.Count);
    }

    [Fact]
    public async Task UndeliveredMail_IsListedForTheAdministrator_WhoSendsItAgain_AndOthersCannot()
    {
        await using var smtp = await Started(RefuseForGood);
        var refused = await Queue("nobody@esperanza.org");
        App.Clock.Advance(TimeSpan.FromSeconds(1)); // written later, so sent second: the server refuses the first
        var delivered = await Queue("maria@esperanza.org");
        await Dispatch(smtp);
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var page = await admin.GetStringAsync("/admin/mail?culture=fr");
        Assert.Contains("nobody@esperanza.org", page);
        Assert.Contains("550 Mailbox unavailable", page);
        Assert.Contains("Abandonné le", page);
        Assert.DoesNotContain("maria@esperanza.org", page);
        Assert.NotEqual(HttpStatusCode.OK, (await manager.GetAsync("/admin/mail")).StatusCode);
        var refusedPost = await manager.PostAsync($"/admin/mail?handler=Resend&id={refused}", new FormUrlEncodedContent([]));
        Assert.StartsWith("/account/access-denied", LocationOf(refusedPost));
        Assert.NotNull((await Mail(refused)).GivenUpAt);

        var resent = await PostForm(admin, $"/admin/mail?handler=Resend&id={refused}", [], pageUrl: "/admin/mail");

        Assert.Equal("/admin/mail", LocationOf(resent));
        Assert.Null((await Mail(refused)).GivenUpAt);
        Assert.Equal(1, await Dispatch(smtp));
        Assert.Contains(smtp.Accepted, m => m.To.Mailboxes.Single().Address == "nobody@esperanza.org");
        Assert.DoesNotContain("nobody@esperanza.org", await admin.GetStringAsync("/admin/mail"));
        Assert.NotNull((await Mail(delivered)).SentAt);
    }

    /// <summary>
    /// A sweep's notice is queued as its notification and its reader's language (no text written for each of thousands):
    /// refused, it is listed for the administrator with its subject as its reader receives it, and once resent it goes
    /// out rendered in that language.
    /// </summary>
    [Fact]
    public async Task ASweepsNotice_IsRenderedWhenSent_InItsReadersLanguage_AndListedWithThatSubjectWhenRefused()
    {
        await using var smtp = await Started(RefuseForGood);
        var reader = await CreateUser("directora@esperanza.org", [], twoFactor: false);
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Id == reader.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "es"));
        var mail = await QueueNotice(new Notifier.Recipient(reader.Id, reader.Email!, "es"));
        Assert.Equal(("", "", (string?)null, "es"), (mail.Subject, mail.TextBody, mail.HtmlBody, mail.Language));

        Assert.Equal(0, await Dispatch(smtp));
        Assert.NotNull((await Mail(mail.Id)).GivenUpAt);
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        var spanishSubject = "Informe atrasado: informe narrativo intermedio";
        Assert.Contains(WebUtility.HtmlEncode(spanishSubject), await admin.GetStringAsync("/admin/mail?culture=en"));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        Assert.Contains(spanishSubject, TrustFund.IntegrationTests.Features.Home.HomePage.List(
            await TrustFund.IntegrationTests.Features.Home.HomePage.Get(manager), "fund-mail"));

        await PostForm(admin, $"/admin/mail?handler=Resend&id={mail.Id}", [], pageUrl: "/admin/mail");
        Assert.Equal(1, await Dispatch(smtp));
        var received = Assert.Single(smtp.Accepted);
        Assert.Equal(("directora@esperanza.org", spanishSubject), (received.To.Mailboxes.Single().Address, received.Subject));
        Assert.StartsWith("Su informe narrativo intermedio de la subvención TF-G-7", received.TextBody ?? "");
        Assert.Contains("https://trustfund.test/apply", received.TextBody ?? "");
        Assert.Contains("<a href=\"https://trustfund.test/apply\">", received.HtmlBody ?? "");
    }

    [Fact]
    public async Task ASweepsNotice_WhoseReaderWasDeleted_IsGivenUp_NotSentEmpty()
    {
        await using var smtp = await Started();
        var reader = await CreateUser("former@esperanza.org", [], twoFactor: false);
        var mail = await QueueNotice(new Notifier.Recipient(reader.Id, reader.Email!, "en"));
        // Deleting an account deletes its notifications (the foreign key cascades); the queued mail is left without text.
        await App.ExecuteAsOwnerAsync($"DELETE FROM users WHERE id = '{reader.Id}'");

        Assert.Equal(0, await Dispatch(smtp));

        var given = await Mail(mail.Id);
        Assert.NotNull(given.GivenUpAt);
        Assert.Contains("notification", given.LastError);
        Assert.Empty(smtp.Received);
    }

    /// <summary>An overdue report's notice written as the deadline sweep writes it: in bulk, in a transaction of its own.</summary>
    private async Task<OutboxEmail> QueueNotice(Notifier.Recipient reader)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyManyAsync([new Notifier.Notice([reader],
                "report-overdue:test", TrustFund.Application.Features.Notifications.KeepReportDeadlines.Overdue, "/apply",
                [new CatalogueWord("interim narrative report"), new DateOnly(2027, 3, 31), "TF-G-7"])], CancellationToken.None));
            await transaction.CommitAsync();
        });
        await using var read = App.NewDbContext();
        return await read.OutboxEmails.AsNoTracking().SingleAsync(e => e.To == reader.Email);
    }

    private static async Task<TestSmtpServer> Started(params TestSmtpServer.Answer[] script)
    {
        var server = new TestSmtpServer(script);
        await server.ReadyAsync();
        return server;
    }

    private async Task<Guid> Queue(string to)
    {
        await using var db = App.NewDbContext();
        var email = new OutboxEmail(to, "Application received", "Your application was received.", null, App.Clock.GetUtcNow(), $"test:{to}");
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private async Task<OutboxEmail> Mail(Guid id)
    {
        await using var db = App.NewDbContext();
        return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private Task<int> Dispatch(TestSmtpServer smtp, int? batchSize = null) => Dispatch(App, smtp, batchSize);

    /// <summary>One dispatcher run, as the worker's would be, sending through the test's SMTP server.</summary>
    internal static async Task<int> Dispatch(TrustFundAppFactory app, TestSmtpServer smtp, int? batchSize = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", TimeoutSeconds = 10 });
        var dispatcher = new OutboxDispatcher(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>(), new SmtpMailTransport(options),
            options, Options.Create(new OutboxOptions()), app.Clock, scope.ServiceProvider.GetRequiredService<NoticeMail>(),
            NullLogger<OutboxDispatcher>.Instance);
        return await dispatcher.DispatchPendingAsync(batchSize);
    }
}
