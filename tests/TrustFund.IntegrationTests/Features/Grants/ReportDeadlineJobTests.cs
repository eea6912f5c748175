using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Notifications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The daily report-deadline job across its boundaries, run twice at each step.</summary>
public sealed class ReportDeadlineJobTests(TrustFundAppFactory app) : GrantTest(app)
{
    internal static DateTimeOffset ViennaMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")
            .GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>A report told about alone, at each stage: its own notice, as before digests, each once.</summary>
    [Fact]
    public async Task Reminders_At30And7And1DaysBefore_ThenOverdue_ThenEscalated_EachOnce()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var reports = await Reports(grant);
        var report = reports.OrderBy(r => r.DueOn).First();
        var due = report.DueOn;
        await DueAlone(report);
        const int n = 1;

        async Task<KeepReportDeadlines.Result> RunTwiceAt(DateOnly day)
        {
            App.Clock.SetUtcNow(ViennaMidnight(day).AddHours(7));
            var first = await Send(new KeepReportDeadlines.Command());
            var second = await Send(new KeepReportDeadlines.Command());
            Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), second);
            return first;
        }

        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(-31)));
        Assert.Equal(new KeepReportDeadlines.Result(n, 0, 0, 1), await RunTwiceAt(due.AddDays(-30)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(-8)));
        Assert.Equal(new KeepReportDeadlines.Result(n, 0, 0, 1), await RunTwiceAt(due.AddDays(-7)));
        Assert.Equal(new KeepReportDeadlines.Result(n, 0, 0, 1), await RunTwiceAt(due.AddDays(-1)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due));
        Assert.Equal(new KeepReportDeadlines.Result(0, n, 0, 1), await RunTwiceAt(due.AddDays(1)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), await RunTwiceAt(due.AddDays(30)));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, n, 1), await RunTwiceAt(due.AddDays(31)));

        await using var db = App.NewDbContext();
        Assert.Equal(GrantReportStatus.Overdue, (await db.GrantReports.SingleAsync(r => r.Id == report.Id)).Status);
        var keys = await db.Notifications.Select(n => n.EventKey).ToListAsync();
        Assert.Equal(5, keys.Count(k => k.Contains(report.Id.ToString())));
        Assert.Contains(await App.SendOutboxAsync(), m => m.To == manager.Email && m.Subject.StartsWith("Report 31 days overdue"));
    }

    [Fact]
    public async Task ReportDeadlines_AtViennaMidnightAfterTheDueDate_MarkOverdueWhileUtcIsStillOnTheDueDate()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var n = (await Reports(grant)).Count(r => r.DueOn == due);
        var viennaMidnight = ViennaMidnight(due.AddDays(1));
        Assert.Equal(due, DateOnly.FromDateTime(viennaMidnight.UtcDateTime)); // the boundary where the two calendars disagree

        async Task<KeepReportDeadlines.Result> RunTwiceAt(DateTimeOffset at)
        {
            App.Clock.SetUtcNow(at);
            var first = await Send(new KeepReportDeadlines.Command());
            var second = await Send(new KeepReportDeadlines.Command());
            Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), second);
            return first;
        }

        var minuteBefore = await RunTwiceAt(viennaMidnight.AddMinutes(-1));
        Assert.Equal(0, minuteBefore.MarkedOverdue);
        Assert.All((await Reports(grant)).Where(r => r.DueOn == due), r => Assert.Equal(GrantReportStatus.Scheduled, r.Status));

        var atMidnight = await RunTwiceAt(viennaMidnight);
        Assert.Equal(n, atMidnight.MarkedOverdue);
        Assert.Equal(1, atMidnight.Notices); // the grantee's one notice listing the n reports
        Assert.All((await Reports(grant)).Where(r => r.DueOn == due), r => Assert.Equal(GrantReportStatus.Overdue, r.Status));

        var utcMidnight = await RunTwiceAt(new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), utcMidnight); // the UTC day changing adds nothing
    }

    /// <summary>
    /// Two nodes sweeping at the same moment (or a job retried while the first run still holds its rows): each report is
    /// marked, audited and told about once. The test holds the rows both sweeps need until both are seen waiting on
    /// them, so the two really meet there instead of running one after the other by chance. The two reports fall due
    /// together, so the grantee's one notice at each stage lists both: one notice, one mail, naming each report once.
    /// </summary>
    [Fact]
    public async Task ReportDeadlines_TwoSweepsAtOnce_MarkAuditAndTellEachReportOnce()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var dueIds = (await Reports(grant)).Where(r => r.DueOn == due).Select(r => r.Id).ToList();
        Guid grantee;
        await using (var db = App.NewDbContext())
            grantee = (await db.Users.SingleAsync(u => u.Email == "ngo1@example.org")).Id;

        // Reminders: both sweeps find the reminders owed, then meet at the reminder marks' primary key, which the test
        // holds for one report (inserted, not committed); the one that goes second finds the stage already sent.
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(-7)).AddHours(7));
        var reminded = await TwoSweepsWhileHeld($"INSERT INTO grant_report_reminders (report_id, days_before) VALUES ({dueIds[0]}, 7)");
        Assert.Equal((dueIds.Count, 1), (reminded.Sum(r => r.Reminded), reminded.Sum(r => r.Notices)));

        // Overdue: both sweeps wait on the reports' row locks; the one that goes second finds them already overdue.
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(1)).AddHours(7));
        var marked = await TwoSweepsWhileHeld($"SELECT id FROM grant_reports WHERE grant_id = {grant} FOR UPDATE");
        Assert.Equal((dueIds.Count, 1), (marked.Sum(r => r.MarkedOverdue), marked.Sum(r => r.Notices)));

        // Escalation: both sweeps wait on the same row locks; the one that goes second finds the reports already escalated.
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(31)).AddHours(7));
        var escalated = await TwoSweepsWhileHeld($"SELECT id FROM grant_reports WHERE grant_id = {grant} FOR UPDATE");
        Assert.Equal((dueIds.Count, 1), (escalated.Sum(r => r.Escalated), escalated.Sum(r => r.Notices)));

        await using var after = App.NewDbContext();
        var notices = await after.Notifications.AsNoTracking().ToListAsync();
        var mails = await after.OutboxEmails.Select(e => e.DeduplicationKey!).ToListAsync();
        var trail = await after.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(GrantReport)).ToListAsync();
        var kinds = (await Reports(grant)).Where(r => dueIds.Contains(r.Id)).Select(r => ReportKindWord.For(r.Kind).English).ToList();
        foreach (var (prefix, reader) in new[] { ("report-reminders:", grantee), ("report-overdue:", grantee), ("report-escalations:", manager.Id) })
        {
            var notice = Assert.Single(notices, n => n.EventKey.StartsWith(prefix));
            Assert.Equal(reader, notice.UserId);
            Assert.Equal($"{notice.EventKey}:{reader}", Assert.Single(mails, m => m.StartsWith(prefix)));
            var lines = notice.In("en").Body.Split('\n');
            Assert.All(kinds, kind => Assert.Single(lines, line => line.StartsWith($"- {kind} ")));
        }
        Assert.Equal(3, notices.Count(n => n.EventKey.StartsWith("report-")));
        Assert.All(dueIds, id => Assert.Single(trail, e => e.EntityId == id.ToString() && e.Changes.Contains("Overdue")));
    }

    /// <summary>
    /// A report is escalated once, to the fund managers of that day, and keeps the mark: the next days' sweeps do not
    /// look at it again, and a manager who joins later finds it on their home page's overdue list, not in a late e-mail.
    /// Without any fund manager nothing is marked, so the escalation waits until there is someone to tell.
    /// </summary>
    [Fact]
    public async Task ReportDeadlines_EscalateAReportOnce_ToTheFundManagersOfThatDay_AndWaitWhenThereIsNone()
    {
        var signer = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(signer, 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var dueIds = (await Reports(grant)).Where(r => r.DueOn == due).Select(r => r.Id).ToList();
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(1)).AddHours(7));
        await Send(new KeepReportDeadlines.Command());
        // No fund manager any more (the signer left the role): nothing to tell, nothing marked.
        await App.ExecuteAsOwnerAsync($"DELETE FROM user_roles WHERE user_id = '{signer.Id}'");
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(31)).AddHours(7));
        Assert.Equal(0, (await Send(new KeepReportDeadlines.Command())).Escalated);
        Assert.All(await Reports(grant), r => Assert.Null(r.EscalatedAt));

        var first = await Manager("first.manager@unodc.test");
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(32)).AddHours(7));
        Assert.Equal(dueIds.Count, (await Send(new KeepReportDeadlines.Command())).Escalated);
        var later = await Manager("later.manager@unodc.test");
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(33)).AddHours(7));
        Assert.Equal(0, (await Send(new KeepReportDeadlines.Command())).Escalated);

        Assert.All((await Reports(grant)).Where(r => dueIds.Contains(r.Id)),
            r => Assert.Equal(ViennaMidnight(due.AddDays(32)).AddHours(7), r.EscalatedAt));
        await using var db = App.NewDbContext();
        // The reports fall due together: one notice to the manager lists them all.
        var told = await db.Notifications.Where(n => n.EventKey.StartsWith("report-escalations:")).Select(n => n.UserId).ToListAsync();
        Assert.Equal([first.Id], told);
        Assert.DoesNotContain(later.Id, told);
    }

    /// <summary>Starts two sweeps while this test's own transaction holds what they need, lets go once both wait, and returns both results.</summary>
    private async Task<KeepReportDeadlines.Result[]> TwoSweepsWhileHeld(FormattableString hold)
    {
        await using var db = App.NewDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync(hold);
            var sweeps = new[] { Task.Run(() => Send(new KeepReportDeadlines.Command())), Task.Run(() => Send(new KeepReportDeadlines.Command())) };
            Assert.True(await SessionsWaitOnALock(2), "both sweeps should be waiting on the rows the test holds");
            await transaction.RollbackAsync();
            return await Task.WhenAll(sweeps);
        });
    }

    [Fact]
    public async Task MarkOverdueGrantReports_InBulk_LeavesOneAuditRowPerReport_AndHoldsTheInstalment()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var narrative = (await Reports(grant)).Single(r => r.Kind == GrantReportKind.InterimNarrative);
        var financial = (await Reports(grant)).Single(r => r.Kind == GrantReportKind.InterimFinancial);
        await SubmitReport(narrative.Id);
        await SendAs(manager, new SendBackGrantReport.Command(narrative.Id, "Add the activities of March."));
        var at = ViennaMidnight(narrative.DueOn.AddDays(1)).AddHours(6);
        App.Clock.SetUtcNow(at);

        Assert.Equal(2, await Send(new MarkOverdueGrantReports.Command()));
        Assert.Equal(0, await Send(new MarkOverdueGrantReports.Command()));

        await using var db = App.NewDbContext();
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == nameof(MarkOverdueGrantReports) && e.EntityType == nameof(GrantReport)).ToListAsync();
        Assert.Equal(2, trail.Count);
        Assert.All(trail, e => Assert.Equal(("Modified", at, (Guid?)null), (e.Change, e.At, e.UserId)));
        Assert.Equal("""{"Status":["SentBack","Overdue"]}""", trail.Single(e => e.EntityId == narrative.Id.ToString()).Changes.Replace(" ", ""));
        Assert.Equal("""{"Status":["Scheduled","Overdue"]}""", trail.Single(e => e.EntityId == financial.Id.ToString()).Changes.Replace(" ", ""));
        // The hold is read from the reports' status: the next step on the first instalment is refused.
        var payment = Assert.Single(await Payments(grant));
        var certifier = await Certifier();
        var held = await Assert.ThrowsAsync<DomainException>(() => SendAs(certifier, new TrustFund.Application.Features.Payments.CertifyPayment.Command(payment.Id)));
        Assert.Equal("This instalment is held: a report of the grant due {0:yyyy-MM-dd} is overdue.", held.Template);
    }

    [Fact]
    public async Task UnliquidatedObligations_AreSentToCertifyingOfficers_OnTheFirstWorkingDay()
    {
        var manager = await Manager();
        var certifier = await Certifier();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        await using var db = App.NewDbContext();
        var end = (await db.GrantAgreements.SingleAsync(g => g.Id == grant)).EndDate;
        var month = end.AddMonths(1);
        var firstWorkingDay = JobCalendar.FirstWorkingDay(month.Year, month.Month);

        App.Clock.SetUtcNow(ViennaMidnight(firstWorkingDay).AddMinutes(-1));
        var before = await Send(new NotifyUnliquidatedObligations.Command());
        App.Clock.SetUtcNow(ViennaMidnight(firstWorkingDay));
        var on = await Send(new NotifyUnliquidatedObligations.Command());
        var again = await Send(new NotifyUnliquidatedObligations.Command());

        Assert.Equal(0, again);
        Assert.Equal(1, on);
        await using var after = App.NewDbContext();
        var notice = await after.Notifications.SingleAsync(n => n.UserId == certifier.Id && n.EventKey == $"unliquidated:{firstWorkingDay:yyyy-MM}");
        Assert.Contains("USD", notice.In("en").Body);
        _ = before;
    }

    [Fact]
    public async Task ReportDeadlines_WhenTheNoticesCannotBeWritten_LeaveTheReportsUnmarked_AndTheRetryDoesBoth()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var due = (await Reports(grant)).Min(r => r.DueOn);
        var n = (await Reports(grant)).Count(r => r.DueOn == due);
        App.Clock.SetUtcNow(ViennaMidnight(due.AddDays(1)).AddHours(7));

        // The database refuses notifications for the first run, as a full disk or a killed connection would.
        await App.ExecuteAsOwnerAsync("""
                CREATE FUNCTION refuse_notifications() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                CREATE TRIGGER refuse_notifications BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse_notifications();
                """);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Send(new KeepReportDeadlines.Command()));
        }
        finally
        {
            await App.ExecuteAsOwnerAsync("DROP TRIGGER refuse_notifications ON notifications; DROP FUNCTION refuse_notifications();");
        }
        // A report is overdue if and only if its grantees were told: neither happened.
        Assert.All((await Reports(grant)).Where(r => r.DueOn == due), r => Assert.Equal(GrantReportStatus.Scheduled, r.Status));

        var retried = await Send(new KeepReportDeadlines.Command());
        Assert.Equal((n, 1), (retried.MarkedOverdue, retried.Notices)); // one grantee: one notice listing the n reports
        await using var after = App.NewDbContext();
        Assert.Equal(1, await after.Notifications.CountAsync(x => x.EventKey.StartsWith("report-overdue:")));
        Assert.Equal(1, await after.OutboxEmails.CountAsync(x => x.DeduplicationKey!.StartsWith("report-overdue:")));
    }
}
