using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Notifications;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The daily report-deadline job across its boundaries, run twice at each step.</summary>
public sealed class ReportDeadlineJobTests(TrustFundAppFactory app) : GrantTest(app)
{
    private static DateTimeOffset ViennaMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")
            .GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    [Fact]
    public async Task Reminders_At30And7And1DaysBefore_ThenOverdue_ThenEscalated_EachOnce()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var reports = await Reports(grant);
        var report = reports.OrderBy(r => r.DueOn).First();
        var due = report.DueOn;
        var n = reports.Count(r => r.DueOn == due); // the narrative and the financial report fall due together

        async Task<KeepReportDeadlines.Result> RunTwiceAt(DateOnly day)
        {
            App.Clock.SetUtcNow(ViennaMidnight(day).AddHours(7));
            var first = await Send(new KeepReportDeadlines.Command());
            var second = await Send(new KeepReportDeadlines.Command());
            Assert.Equal(0, second.Reminders + second.OverdueNotices + second.Escalations + second.MarkedOverdue);
            return first;
        }

        Assert.Equal(0, (await RunTwiceAt(due.AddDays(-31))).Reminders);
        Assert.Equal(n, (await RunTwiceAt(due.AddDays(-30))).Reminders);
        Assert.Equal(0, (await RunTwiceAt(due.AddDays(-8))).Reminders);
        Assert.Equal(n, (await RunTwiceAt(due.AddDays(-7))).Reminders);
        Assert.Equal(n, (await RunTwiceAt(due.AddDays(-1))).Reminders);
        var dueDay = await RunTwiceAt(due);
        Assert.Equal(0, dueDay.MarkedOverdue + dueDay.OverdueNotices);
        var dayAfter = await RunTwiceAt(due.AddDays(1));
        Assert.True(dayAfter.MarkedOverdue >= 1);
        Assert.Equal(n, dayAfter.OverdueNotices);
        Assert.Equal(0, (await RunTwiceAt(due.AddDays(30))).Escalations);
        Assert.Equal(n, (await RunTwiceAt(due.AddDays(31))).Escalations);

        await using var db = App.NewDbContext();
        Assert.Equal(GrantReportStatus.Overdue, (await db.GrantReports.SingleAsync(r => r.Id == report.Id)).Status);
        var keys = await db.Notifications.Select(n => n.EventKey).ToListAsync();
        Assert.Equal(5, keys.Count(k => k.Contains(report.Id.ToString())));
        Assert.Contains(await db.OutboxEmails.ToListAsync(), e => e.To == manager.Email && e.Subject.StartsWith("Report 31 days overdue"));
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
        Assert.Contains("USD", notice.Body);
        _ = before;
    }
}
