using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Messaging;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Email;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>
/// The sweeps' way of telling many people at once (<see cref="Notifier.NotifyManyAsync"/>): set-based, in the
/// transaction of the change that causes the notices, once per person and event however often it runs.
/// </summary>
public sealed class BulkNoticeTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    // The report reminder's texts (catalogue keys): {0} the report's kind, {1} its date, {2} the grant, {3} days left.
    private static readonly NoticeText Deadline = new(
        "Report due on {1:D}: {0}",
        "Your {0} for grant {2} is due on {1:D}, in {3}. Submit it in TrustFund before then: instalments are held while a report is overdue.");

    private static readonly object[] DueOn = [new CatalogueWord("interim narrative report"), new DateOnly(2027, 3, 31), "TF-G-1", KeepReportDeadlines.Days(30)];

    private static string LongDate(string language) => new DateOnly(2027, 3, 31).ToString("D", DocumentLanguages.Culture(language));

    /// <summary>People written straight to the table: hashing passwords for each would make the test slow, not better.</summary>
    private async Task<List<Notifier.Recipient>> People(params string[] languages)
    {
        await using var db = App.NewDbContext();
        var people = languages.Select((language, i) => new ApplicationUser
        {
            UserName = $"person{i}@example.org", NormalizedUserName = $"PERSON{i}@EXAMPLE.ORG", Email = $"person{i}@example.org",
            NormalizedEmail = $"PERSON{i}@EXAMPLE.ORG", EmailConfirmed = true, DisplayName = $"Person {i}", PreferredLanguage = language,
            CreatedAt = App.Clock.GetUtcNow(),
        }).ToList();
        db.Users.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => new Notifier.Recipient(p.Id, p.Email!, p.PreferredLanguage)).ToList();
    }

    /// <summary>Runs the notices in a transaction of their own, committed or rolled back, as a sweep would.</summary>
    private async Task<int> NotifyMany(IReadOnlyCollection<Notifier.Notice> notices, bool commit = true)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        // Inside the execution strategy, as the pipeline's TransactionBehaviour runs a sweep (the retrying strategy
        // refuses a transaction opened outside it).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var sent = await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyManyAsync(notices, CancellationToken.None);
            Assert.Empty(db.ChangeTracker.Entries()); // written by statements, not left for a SaveChanges to insert one by one
            if (commit) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
            return sent;
        });
    }

    [Fact]
    public async Task NotifyMany_ForABatchOfRecipients_WritesOneNotificationAndOneEmailEach_InTheirLanguages()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.Zero)); // whole microseconds, as PostgreSQL keeps them
        var people = await People([.. Enumerable.Repeat("en", 4), .. Enumerable.Repeat("fr", 3), .. Enumerable.Repeat("es", 3)]);

        Assert.Equal(10, await NotifyMany([new Notifier.Notice(people, "deadline:1", Deadline, "/apply", DueOn)]));

        await using var db = App.NewDbContext();
        var notifications = await db.Notifications.AsNoTracking().ToListAsync();
        var emails = await db.OutboxEmails.AsNoTracking().ToListAsync();
        Assert.Equal(people.Select(p => p.UserId).Order(), notifications.Select(n => n.UserId).Order());
        Assert.Equal(people.Select(p => p.Email).Order(), emails.Select(e => e.To).Order());
        Assert.All(notifications, n => Assert.Equal(("deadline:1", "/apply", App.Clock.GetUtcNow()), (n.EventKey, n.Link, n.CreatedAt)));
        Assert.All(emails, e => Assert.Equal((0, (DateTimeOffset?)null), (e.Attempts, e.SentAt)));

        // The notification keeps the keys and arguments; the e-mail keeps its notification and its reader's language, and
        // is rendered in that language when the dispatcher sends it.
        Assert.All(notifications, n => Assert.Equal((Deadline.Subject, Deadline.Body), (n.SubjectKey, n.BodyKey)));
        var french = people.First(p => p.Language == "fr");
        var frenchNotification = notifications.Single(n => n.UserId == french.UserId);
        var frenchRow = emails.Single(e => e.To == french.Email);
        Assert.Equal(($"deadline:1:{french.UserId}", (Guid?)frenchNotification.Id, "fr", ""),
            (frenchRow.DeduplicationKey, frenchRow.NotificationId, frenchRow.Language, frenchRow.Subject));
        var frenchSubject = $"Rapport attendu le {LongDate("fr")}\u00A0: rapport narratif intermédiaire";
        Assert.Equal(frenchSubject, frenchNotification.In("fr").Subject);

        var delivered = await App.SendOutboxAsync();
        Assert.Equal(people.Select(p => p.Email).Order(), delivered.Select(m => m.To).Order());
        var frenchEmail = delivered.Single(m => m.To == french.Email);
        Assert.Equal(frenchSubject, frenchEmail.Subject);
        // The link is App:PublicBaseUrl + the page: absolute, though no request is behind a job's e-mail.
        var frenchBody = $"Votre rapport narratif intermédiaire pour la subvention TF-G-1 est attendu le {LongDate("fr")}, dans 30 jours. " +
                         "Soumettez-le dans TrustFund d’ici là\u00A0: les versements sont suspendus tant qu’un rapport est en retard.";
        Assert.Equal(frenchBody + "\n\nhttps://trustfund.test/apply", frenchEmail.TextBody);
        Assert.Equal($"<p>{System.Net.WebUtility.HtmlEncode(frenchBody)}</p><p><a href=\"https://trustfund.test/apply\">https://trustfund.test/apply</a></p>",
            frenchEmail.HtmlBody);
        Assert.Equal($"Informe previsto para el {LongDate("es")}: informe narrativo intermedio",
            delivered.Single(m => m.To == people.First(p => p.Language == "es").Email).Subject);
        // British English: the day before the month, as the UN writes dates, never "March 31".
        var englishSubject = delivered.Single(m => m.To == people.First(p => p.Language == "en").Email).Subject;
        Assert.Equal("Report due on " + LongDate("en") + ": interim narrative report", englishSubject);
        Assert.Contains("31 March 2027", englishSubject);
        await using var sent = App.NewDbContext();
        Assert.Equal(0, await sent.OutboxEmails.CountAsync(e => e.SentAt == null));
    }

    [Fact]
    public async Task NotifyMany_RunTwice_SendsNothingTheSecondTime_EvenAcrossManyStatements()
    {
        var person = Assert.Single(await People("en"));
        // More events than one statement carries, so the batch is split and each part still checked.
        var notices = Enumerable.Range(0, 5_001).Select(i => new Notifier.Notice([person], $"deadline:{i}", Deadline, "/apply", DueOn)).ToList();

        Assert.Equal(5_001, await NotifyMany(notices));
        Assert.Equal(0, await NotifyMany(notices));
        // A later batch that overlaps the first tells only about what is new.
        Assert.Equal(1, await NotifyMany([notices[0], new Notifier.Notice([person], "deadline:new", Deadline, "/apply", DueOn)]));

        await using var db = App.NewDbContext();
        Assert.Equal(5_002, await db.Notifications.CountAsync());
        Assert.Equal(5_002, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task NotifyMany_TheSamePersonTwiceInOneBatch_IsToldOnce()
    {
        var person = Assert.Single(await People("es"));

        Assert.Equal(1, await NotifyMany([new Notifier.Notice([person, person], "deadline:1", Deadline, "/apply", DueOn),
            new Notifier.Notice([person], "deadline:1", Deadline, "/apply", DueOn)]));

        await using var db = App.NewDbContext();
        Assert.Equal((1, 1), (await db.Notifications.CountAsync(), await db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task NotifyMany_InARolledBackTransaction_LeavesNothing_AndTheNextRunSendsAll()
    {
        var people = await People("en", "fr", "es");
        var notices = new List<Notifier.Notice> { new(people, "deadline:1", Deadline, "/apply", DueOn) };

        Assert.Equal(3, await NotifyMany(notices, commit: false));
        await using (var db = App.NewDbContext())
            Assert.Equal((0, 0), (await db.Notifications.CountAsync(), await db.OutboxEmails.CountAsync()));

        Assert.Equal(3, await NotifyMany(notices));
        await using (var db = App.NewDbContext())
            Assert.Equal((3, 3), (await db.Notifications.CountAsync(), await db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task NotifyMany_OutsideATransaction_IsRefused()
    {
        var people = await People("en");
        await using var scope = App.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<Notifier>()
            .NotifyManyAsync([new Notifier.Notice(people, "deadline:1", Deadline, "/apply", DueOn)], CancellationToken.None));

        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task NotifyMany_WhileAnotherRunHoldsTheSameNotices_WaitsForIt_AndSendsNothingTwice()
    {
        var people = await People("en", "fr");
        var notices = new List<Notifier.Notice> { new(people, "deadline:1", Deadline, "/apply", DueOn) };
        await using var first = App.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await firstDb.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var firstTransaction = await firstDb.Database.BeginTransactionAsync();
            Assert.Equal(2, await first.ServiceProvider.GetRequiredService<Notifier>().NotifyManyAsync(notices, CancellationToken.None));

            // The second run cannot see the first's rows yet; it waits on them at the unique index, then skips them.
            var second = NotifyMany(notices);
            Assert.True(await SessionsWaitOnALock(), "the second run should be waiting on the first one's rows");
            Assert.False(second.IsCompleted);
            await firstTransaction.CommitAsync();

            Assert.Equal(0, await second);
        });
        await using var db = App.NewDbContext();
        Assert.Equal((2, 2), (await db.Notifications.CountAsync(), await db.OutboxEmails.CountAsync()));
    }
}
