using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calendar;

/// <summary>
/// The jobs that live on dates, run twice at each instant where calendars bite (issue 11: leap days, Vienna's new
/// year an hour before UTC's, its daylight-saving changes, month ends, and deadlines in a call's own zone). The data
/// is built at the suite's fixed instant, then the clock moves to the instant under test.
/// </summary>
public sealed class CalendarBoundaryTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Theory]
    [MemberData(nameof(CalendarInstants.Instants), MemberType = typeof(CalendarInstants))]
    public async Task ReportDeadlines_RemindAt30And7And1Days_MarkOverdueTheDayAfter_EscalateAfter30Days(string utc, string viennaDate)
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager);
        var reports = await Reports(grant);
        var (a, b) = (reports[0].Id, reports[1].Id);
        var today = CalendarInstants.Date(viennaDate);

        // Each phase dates the two reports relative to Vienna's date at the instant, runs the job twice there, and
        // returns the notices it gave (event keys, one per notice whoever receives it).
        async Task<string[]> Phase(int aDueIn, int bDueIn)
        {
            App.Clock.Reset();
            await using (var db = App.NewDbContext())
            {
                await db.GrantReports.Where(r => r.GrantId == grant).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, today.AddDays(400)));
                await db.GrantReports.Where(r => r.Id == a).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, today.AddDays(aDueIn)));
                await db.GrantReports.Where(r => r.Id == b).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, today.AddDays(bDueIn)));
            }
            await using var before = App.NewDbContext();
            var known = await before.Notifications.Select(n => n.EventKey).Distinct().ToListAsync();
            App.Clock.SetUtcNow(CalendarInstants.Parse(utc));
            await Send(new KeepReportDeadlines.Command());
            var second = await Send(new KeepReportDeadlines.Command());
            Assert.Equal(new KeepReportDeadlines.Result(0, 0, 0, 0), second);
            await using var after = App.NewDbContext();
            return (await after.Notifications.Select(n => n.EventKey).Distinct().ToListAsync()).Except(known).Order().ToArray();
        }

        Assert.Equal([$"report-reminder:{b}:30"], await Phase(31, 30));
        // Two reminders in one run to the same grantee: one notice listing both, keyed by the day and the first listed (b, due first).
        Assert.Equal([$"report-reminders:{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{b}"], await Phase(7, 1));
        Assert.Equal(new[] { $"report-reminder:{a}:1", $"report-overdue:{b}" }.Order(), await Phase(0, -1));
        Assert.Equal(GrantReportStatus.Scheduled, (await Reports(grant)).Single(r => r.Id == a).Status); // due today: not yet overdue
        Assert.Equal(GrantReportStatus.Overdue, (await Reports(grant)).Single(r => r.Id == b).Status);
        Assert.Equal(new[] { $"report-overdue:{a}", $"report-escalated:{b}" }.Order(), await Phase(-30, -31));
    }

    [Theory]
    [MemberData(nameof(CalendarInstants.Instants), MemberType = typeof(CalendarInstants))]
    public async Task TrusteeTerms_AreReportedToAdministrators_NinetyDaysBefore_Once_AndRenewFromTheEndDate(string utc, string viennaDate)
    {
        await CreateUser("admin@unodc.test", Roles.Admin);
        var today = CalendarInstants.Date(viennaDate);
        async Task<Guid> Term(string email, string nationality, DateOnly end)
        {
            var trustee = await CreateUser(email, Roles.Trustee);
            return (await Send(new AppointTrustee.Command(trustee.Id, nationality, null, null, end.AddYears(-3).AddDays(1), end))).AppointmentId;
        }
        var in90 = await Term("africa@board.test", "SN", today.AddDays(90));
        await Term("asia@board.test", "JP", today.AddDays(91));
        await Term("grulac@board.test", "CO", today); // ends today in Vienna: no longer serving, never reported

        App.Clock.SetUtcNow(CalendarInstants.Parse(utc));
        Assert.Equal(1, await Send(new NotifyTermsEnding.Command()));
        Assert.Equal(0, await Send(new NotifyTermsEnding.Command()));
        await using (var db = App.NewDbContext())
            Assert.Equal([$"term-ending:{in90}"], await db.Notifications.Select(n => n.EventKey).Distinct().ToListAsync());

        var renewal = (await Send(new RenewTrusteeTerm.Command(in90))).AppointmentId;
        await using var read = App.NewDbContext();
        var second = await read.TrusteeAppointments.SingleAsync(t => t.Id == renewal);
        Assert.Equal(today.AddDays(90), second.TermStart);
        Assert.Equal(today.AddDays(90).AddYears(3), second.TermEnd);
        Assert.Equal(0, await Send(new NotifyTermsEnding.Command())); // the seat is covered; nobody is told twice
    }

    [Theory]
    [MemberData(nameof(CalendarInstants.Instants), MemberType = typeof(CalendarInstants))]
    public async Task MissingUnoreTable_IsReportedFromTheFirstWorkingDayOfViennasMonth_Once(string utc, string viennaDate)
    {
        await CreateUser("finance@unodc.test", Roles.FundManager);
        var today = CalendarInstants.Date(viennaDate);
        var firstWorkingDay = JobCalendar.FirstWorkingDay(today.Year, today.Month);

        App.Clock.SetUtcNow(CalendarInstants.Parse(utc));
        Assert.Equal(today >= firstWorkingDay ? 1 : 0, await Send(new NotifyMissingUnoreTable.Command()));
        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command()));
        await using var db = App.NewDbContext();
        var keys = await db.Notifications.Select(n => n.EventKey).ToListAsync();
        Assert.Equal(today >= firstWorkingDay ? [$"unore-missing:{today:yyyy-MM}"] : [], keys);
    }

    [Theory]
    [MemberData(nameof(CalendarInstants.Instants), MemberType = typeof(CalendarInstants))]
    public async Task MissingUnoreTable_IsNotReported_WhenTheMonthsRateIsIn(string utc, string viennaDate)
    {
        await CreateUser("finance@unodc.test", Roles.FundManager);
        var today = CalendarInstants.Date(viennaDate);
        await Send(new AddUnoreRate.Command("EUR", new DateOnly(today.Year, today.Month, 1), 0.92m));

        App.Clock.SetUtcNow(CalendarInstants.Parse(utc));
        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command()));
        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command()));
    }

    public static TheoryData<string, string> Deadlines() => new()
    {
        { "Pacific/Kiritimati", "2027-02-28" },  // UTC+14: the deadline passes at 09:59:59 UTC the same day
        { "Pacific/Kiritimati", "2027-12-31" },
        { "America/Bogota", "2028-02-29" },      // UTC−5: 04:59:59 UTC the next day
        { "America/Bogota", "2027-12-31" },      // Bogotá's 31 December ends in Vienna's next year
        { "Europe/Vienna", "2027-03-28" },       // the day of the spring change
        { "Europe/Vienna", "2027-10-31" },       // the day of the autumn change
        { "Europe/Vienna", "2027-01-31" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public async Task ACall_IsOpenUntil235959InItsOwnZone_AndTheClosingJobClosesItOnce(string zoneId, string localDate)
    {
        var date = CalendarInstants.Date(localDate);
        var deadlineLocal = date.ToDateTime(new TimeOnly(23, 59, 59));
        var form = CallTestData.Form(App.Clock.GetUtcNow()) with { TimeZoneId = zoneId, DeadlineLocal = deadlineLocal, QuestionDeadlineLocal = deadlineLocal.AddDays(-10) };
        var call = await Send(new CreateCall.Command(form));
        await Send(new PublishCall.Command(call.Id));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var deadline = new DateTimeOffset(deadlineLocal, zone.GetUtcOffset(deadlineLocal)).AddSeconds(1); // the call closes as 23:59:59 ends
        await using (var db = App.NewDbContext())
        {
            var stored = await db.Calls.SingleAsync(c => c.Id == call.Id);
            Assert.Equal(deadline, stored.Deadline.AddSeconds(1));
            Assert.Equal(date, stored.RegistrationCutOff); // the deadline's date where the call is run, not UTC's
        }

        App.Clock.SetUtcNow(deadline.AddSeconds(-1).AddTicks(-1));
        Assert.Equal(0, await Send(new CloseDueCalls.Command()));
        Assert.Equal(0, await Send(new CloseDueCalls.Command()));
        Assert.True(await IsOpen(call.Id));

        App.Clock.SetUtcNow(deadline.AddSeconds(-1));
        Assert.Equal(1, await Send(new CloseDueCalls.Command()));
        Assert.Equal(0, await Send(new CloseDueCalls.Command()));
        Assert.False(await IsOpen(call.Id));
    }

    private async Task<bool> IsOpen(Guid callId)
    {
        await using var db = App.NewDbContext();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        return call.Status == CallStatus.Published && call.IsOpenAt(App.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData("2027-12-31T22:59:59Z", "Annual report 2026")] // still 31 December in Vienna
    [InlineData("2027-12-31T23:00:00Z", "Annual report 2027")] // 1 January in Vienna, while UTC says 31 December
    [InlineData("2028-01-15T06:00:00Z", "Annual report 2027")] // when the recurring job runs
    public async Task TheAnnualReportJob_IssuesLastYearsReport_ByViennasYear_Once(string utc, string title)
    {
        App.Clock.SetUtcNow(CalendarInstants.Parse(utc));

        Assert.Equal(3, (await Send(new IssueAnnualReport.LastYearCommand())).Count); // English, French, Spanish
        Assert.Empty(await Send(new IssueAnnualReport.LastYearCommand()));

        await using var db = App.NewDbContext();
        Assert.Contains(title, await db.IssuedReports.Select(r => r.Title).ToListAsync());
    }
}
