using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Reports;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;
using TrustFund.Migrations.Migrations;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>
/// The deadline sweep tells each reader once per kind of notice and run: about several reports in one notice and one
/// e-mail listing them (a digest), in the reader's language, never more than 20 lines.
/// </summary>
public sealed class ReportDeadlineDigestTests(TrustFundAppFactory app) : GrantTest(app)
{
    private static DateTimeOffset SevenInVienna(DateOnly day) => ReportDeadlineJobTests.ViennaMidnight(day).AddHours(7);

    private static string LongDate(DateOnly date, string language) => date.ToString("D", DocumentLanguages.Culture(language));

    /// <summary>
    /// The grantee's two users each get one notice and one mail listing both reports, each in their own language (the
    /// French reader's is read here to the letter, the English colleague's subject alongside).
    /// </summary>
    [Fact]
    public async Task ReportsTurningOverdueTogether_AreOneNoticeAndOneMail_ListingThem_InTheFrenchGranteesLanguage()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var overdue = (await Reports(grant)).Where(r => r.DueOn == due).ToList();
        Assert.Equal(2, overdue.Count); // the interim narrative and financial reports
        await using (var db = App.NewDbContext())
        {
            await db.Users.Where(u => u.Email == "ngo1@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "fr"));
            var organisation = (await db.GrantAgreements.SingleAsync(g => g.Id == grant)).OrganisationId;
            await CreateUser("colleague@example.org", [TrustFund.Application.Identity.Roles.Applicant], twoFactor: false, organisationId: organisation);
        }
        await SentAndPutAway();

        App.Clock.SetUtcNow(SevenInVienna(due.AddDays(1)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 2, 0, 2), await Send(new KeepReportDeadlines.Command()));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await Send(new KeepReportDeadlines.Command()));

        var mails = await App.SendOutboxAsync();
        Assert.Equal(2, mails.Count);
        Assert.Equal("2 reports overdue", Assert.Single(mails, m => m.To == "colleague@example.org").Subject);
        var mail = Assert.Single(mails, m => m.To == "ngo1@example.org");
        await using var read = App.NewDbContext();
        var reference = (await read.GrantAgreements.SingleAsync(g => g.Id == grant)).ReferenceNumber;
        Assert.Equal("2 rapports en retard", mail.Subject);
        // Listed by due date, then (the same day) by kind: the financial report before the narrative one.
        Assert.Equal($"""
            Ces rapports étaient attendus et n’ont pas été reçus. Le prochain versement d’une subvention est suspendu jusqu’à la soumission de ses rapports en retard.
            - rapport financier intermédiaire pour la subvention {reference}, attendu le {LongDate(due, "fr")}
            - rapport narratif intermédiaire pour la subvention {reference}, attendu le {LongDate(due, "fr")}

            {TrustFundAppFactory.PublicBaseUrl}/apply
            """, mail.TextBody);

        // The notification centre shows the same one notice, in French once the grantee reads French.
        var ngo = await read.Users.SingleAsync(u => u.Email == "ngo1@example.org");
        Assert.Single(await read.Notifications.Where(n => n.UserId == ngo.Id && n.EventKey.StartsWith("report-")).ToListAsync());
        var client = await SignedIn(ngo);
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/account/language", new() { ["Language"] = "fr" })).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/notifications"));
        Assert.Contains("2 rapports en retard", page);
        Assert.Contains($"- rapport narratif intermédiaire pour la subvention {reference}, attendu le {LongDate(due, "fr")}", page);
        Assert.DoesNotContain("Rapport en retard\u00A0:", page); // no notice of its own per report
    }

    [Fact]
    public async Task MoreThanTwentyReports_ListTheTwentyDueFirst_ThenHowManyMore_ToTheGranteeAndToTheFundManager()
    {
        var manager = await Manager();
        await Fund(300_000);
        var grants = new List<Guid>();
        for (var i = 0; i < 6; i++) grants.Add(await SignedAgreement(manager, 40_000));
        // Six grants of one organisation (ngo1's), 24 reports due on 24 days in a row.
        var start = Today.AddDays(60);
        await using (var db = App.NewDbContext())
        {
            var organisation = (await db.GrantAgreements.SingleAsync(g => g.Id == grants[0])).OrganisationId;
            await db.GrantAgreements.Where(g => grants.Contains(g.Id)).ExecuteUpdateAsync(u => u.SetProperty(g => g.OrganisationId, organisation));
            var ids = await db.GrantReports.Where(r => grants.Contains(r.GrantId)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            Assert.Equal(24, ids.Count);
            // Due dates given in an order unrelated to the reports' ids or grants, so the listing's order is the due date's.
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                var dueOn = start.AddDays((i * 7) % 24);
                await db.GrantReports.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueOn, dueOn));
            }
        }
        await SentAndPutAway();
        var byDueDate = await ReportsByDueDate(grants);

        App.Clock.SetUtcNow(SevenInVienna(start.AddDays(24)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 24, 0, 1), await Send(new KeepReportDeadlines.Command()));
        App.Clock.SetUtcNow(SevenInVienna(start.AddDays(24 + KeepReportDeadlines.EscalateAfterDays)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 24, 1), await Send(new KeepReportDeadlines.Command()));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await Send(new KeepReportDeadlines.Command()));

        var mails = await App.SendOutboxAsync();
        Assert.Equal(2, mails.Count);
        var grantee = Assert.Single(mails, m => m.To == "ngo1@example.org");
        Assert.Equal("24 reports overdue", grantee.Subject);
        Assert.Equal(string.Join("\n", [
            "These reports were due and have not been received. A grant's next instalment is held until its overdue reports are submitted.",
            ..byDueDate.Take(20).Select(r => $"- {r.Kind} for grant {r.Reference}, due on {LongDate(r.DueOn, "en")}"),
            "and 4 more reports: see TrustFund", "", TrustFundAppFactory.PublicBaseUrl + "/apply"]), grantee.TextBody);

        var escalation = Assert.Single(mails, m => m.To == manager.Email);
        var escalatedOn = start.AddDays(24 + KeepReportDeadlines.EscalateAfterDays);
        Assert.Equal("24 reports more than 30 days overdue", escalation.Subject);
        Assert.Equal(string.Join("\n", [
            "These grantee reports are more than 30 days overdue:",
            ..byDueDate.Take(20).Select(r =>
                $"- {r.Kind} of grant {r.Reference} ({r.Grantee}), due on {LongDate(r.DueOn, "en")}, {escalatedOn.DayNumber - r.DueOn.DayNumber} days overdue"),
            "and 4 more reports: see TrustFund", "", TrustFundAppFactory.PublicBaseUrl + "/fund/grants"]), escalation.TextBody);
        Assert.Contains("days overdue<br>and 4 more reports: see TrustFund</p>", escalation.HtmlBody);
    }

    /// <summary>
    /// A digest is an outbox mail like any notice's: refused for good, it is listed for the administrator with the
    /// subject its Spanish reader receives, and once resent it goes out rendered in Spanish, listing the reports.
    /// </summary>
    [Fact]
    public async Task ADigestRefusedByTheMailServer_IsListedForTheAdministrator_AndResentInItsReadersLanguage()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Email == "ngo1@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "es"));
        await SentAndPutAway();
        await using var smtp = new TestSmtpServer(TestSmtpServer.Answer.RefuseForGood);
        await smtp.ReadyAsync();

        App.Clock.SetUtcNow(SevenInVienna(due.AddDays(1)));
        Assert.Equal(1, (await Send(new KeepReportDeadlines.Command())).Notices);
        Assert.Equal(0, await Email.OutboxDeliveryTests.Dispatch(App, smtp));
        await using var read = App.NewDbContext();
        var refused = await read.OutboxEmails.AsNoTracking().SingleAsync(m => m.DeduplicationKey!.StartsWith("report-overdue:"));
        Assert.NotNull(refused.GivenUpAt);
        var reference = (await read.GrantAgreements.SingleAsync(g => g.Id == grant)).ReferenceNumber;

        var admin = await SignedIn(await CreateUser("admin@unodc.test", [TrustFund.Application.Identity.Roles.Admin], twoFactor: true));
        Assert.Contains("2 informes atrasados", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/mail?culture=en")));
        await PostForm(admin, $"/admin/mail?handler=Resend&id={refused.Id}", [], pageUrl: "/admin/mail");
        Assert.Equal(1, await Email.OutboxDeliveryTests.Dispatch(App, smtp));
        var received = Assert.Single(smtp.Accepted);
        Assert.Equal(("ngo1@example.org", "2 informes atrasados"), (received.To.Mailboxes.Single().Address, received.Subject));
        Assert.Contains($"- informe narrativo intermedio de la subvención {reference}, con vencimiento el {LongDate(due, "es")}", received.TextBody);
        Assert.Contains($"- informe financiero intermedio de la subvención {reference}, con vencimiento el {LongDate(due, "es")}", received.TextBody);
    }

    /// <summary>
    /// A first run over reports already more than 30 days late (the sweep deployed over old grants) marks them overdue
    /// and escalates them at once: the grantee told once that they are overdue, the fund manager once that they are long
    /// overdue, and neither again.
    /// </summary>
    [Fact]
    public async Task ReportsFirstSweptLongAfterTheirDueDate_AreMarkedOverdueAndEscalated_InOneRun_EachNoticeOnce()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var late = (await Reports(grant)).Where(r => r.DueOn == due).Select(r => r.Id).ToList();
        await SentAndPutAway();

        App.Clock.SetUtcNow(SevenInVienna(due.AddDays(40)));
        var first = await Send(new KeepReportDeadlines.Command());
        Assert.Equal((2, 2), (first.MarkedOverdue, first.Escalated));
        var again = await Send(new KeepReportDeadlines.Command());
        Assert.Equal((0, 0, 0), (again.MarkedOverdue, again.Escalated, again.Notices));

        Assert.All((await Reports(grant)).Where(r => late.Contains(r.Id)),
            r => Assert.Equal((GrantReportStatus.Overdue, App.Clock.GetUtcNow()), (r.Status, r.EscalatedAt)));
        var mails = await App.SendOutboxAsync();
        Assert.Equal("2 reports overdue", Assert.Single(mails, m => m.To == "ngo1@example.org" && m.Subject.Contains("overdue")).Subject);
        var escalation = Assert.Single(mails, m => m.To == manager.Email);
        Assert.Equal("2 reports more than 30 days overdue", escalation.Subject);
        Assert.Equal(2, escalation.TextBody.Split('\n').Count(line => line.EndsWith(", 40 days overdue")));
    }

    /// <summary>
    /// Two reports due together are reminded in one notice per stage (30, 7 and 1 days before), each stage once however
    /// often the sweep runs; a day the sweep did not run is made up the next (the 7-day stage sent 5 days before).
    /// </summary>
    [Fact]
    public async Task RemindersOfReportsDueTogether_AreOneNoticePerStage_EachSentOnce()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var ids = (await Reports(grant)).Where(r => r.DueOn == due).Select(r => r.Id).ToList();

        async Task<KeepReportDeadlines.Result> RunTwiceAt(DateOnly day)
        {
            App.Clock.SetUtcNow(SevenInVienna(day));
            var first = await Send(new KeepReportDeadlines.Command());
            Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await Send(new KeepReportDeadlines.Command()));
            return first;
        }

        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(-31)));
        Assert.Equal(new KeepReportDeadlines.Result(2, 0, 0, 1), await RunTwiceAt(due.AddDays(-30)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(-29)));
        Assert.Equal(new KeepReportDeadlines.Result(2, 0, 0, 1), await RunTwiceAt(due.AddDays(-5)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(-2)));
        Assert.Equal(new KeepReportDeadlines.Result(2, 0, 0, 1), await RunTwiceAt(due.AddDays(-1)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due));

        await using var db = App.NewDbContext();
        Assert.All(await db.GrantReportReminders.Where(r => ids.Contains(r.ReportId)).ToListAsync(), r => Assert.Equal(1, r.DaysBefore));
        var notices = await db.Notifications.Where(n => n.EventKey.StartsWith("report-remind")).OrderBy(n => n.CreatedAt).ToListAsync();
        Assert.Equal(3, notices.Count);
        Assert.All(notices, n => Assert.StartsWith("report-reminders:", n.EventKey));
        Assert.All(notices, n => Assert.Equal("2 reports due soon", n.In("en").Subject));
        Assert.Equal(3, await db.OutboxEmails.CountAsync(m => m.DeduplicationKey!.StartsWith("report-reminders:")));
    }

    /// <summary>
    /// The migration that brought the reminder marks fills them from the reminders already sent (one notification per
    /// report and stage then), so the first sweep after it sends only the stages still to come.
    /// </summary>
    [Fact]
    public async Task TheMigration_RemembersTheRemindersSentBefore_SoTheNextSweepSendsOnlyTheStagesToCome()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var (sevenSent, thirtySent) = ((await Reports(grant)).Where(r => r.DueOn == due).ToList() is [var a, var b] ? (a, b) : throw new InvalidOperationException());
        Guid grantee;
        await using (var db = App.NewDbContext())
            grantee = (await db.Users.SingleAsync(u => u.Email == "ngo1@example.org")).Id;
        foreach (var key in new[] { $"report-reminder:{sevenSent.Id}:30", $"report-reminder:{sevenSent.Id}:7", $"report-reminder:{thirtySent.Id}:30",
                     $"report-reminder:{Guid.NewGuid()}:1", "report-reminder:not-a-report:7", $"report-overdue:{thirtySent.Id}" })
            await App.ExecuteAsOwnerAsync($"""
                INSERT INTO notifications (id, user_id, event_key, subject, body, link, created_at)
                VALUES ('{Guid.CreateVersion7()}', '{grantee}', '{key}', 'sent before', 'sent before', '/apply', now())
                """);

        var fill = Assert.Single(new ReportRemindersRememberedPerReport().UpOperations.OfType<SqlOperation>());
        await App.ExecuteAsOwnerAsync(fill.Sql);

        await using (var db = App.NewDbContext())
            Assert.Equal([(sevenSent.Id, 7), (thirtySent.Id, 30)],
                (await db.GrantReportReminders.ToListAsync()).Select(r => (r.ReportId, r.DaysBefore)).OrderBy(r => r.DaysBefore));
        App.Clock.SetUtcNow(SevenInVienna(due.AddDays(-7)));
        Assert.Equal(new KeepReportDeadlines.Result(1, 0, 0, 1), await Send(new KeepReportDeadlines.Command()));
        await using var after = App.NewDbContext();
        Assert.True(await after.Notifications.AnyAsync(n => n.EventKey == $"report-reminder:{thirtySent.Id}:7"));
    }

    /// <summary>Sends what the set-up queued (the signings' notices) and puts it away, so that only the sweep's mails are read after.</summary>
    private async Task SentAndPutAway()
    {
        await App.SendOutboxAsync();
        if (Directory.Exists(App.PickupDirectory)) Directory.Delete(App.PickupDirectory, recursive: true);
    }

    private sealed record Listed(string Kind, string Reference, string Grantee, DateOnly DueOn);

    /// <summary>The reports as a digest lists them: by due date (each on its own day here), with the English words for their kinds.</summary>
    private async Task<List<Listed>> ReportsByDueDate(List<Guid> grants)
    {
        await using var db = App.NewDbContext();
        var rows = await (from r in db.GrantReports
                          join g in db.GrantAgreements on r.GrantId equals g.Id
                          where grants.Contains(g.Id)
                          orderby r.DueOn
                          select new { r.Kind, g.ReferenceNumber, g.Grantee, r.DueOn }).ToListAsync();
        return rows.Select(r => new Listed(ReportKindWord.For(r.Kind).English, r.ReferenceNumber, r.Grantee, r.DueOn)).ToList();
    }
}
