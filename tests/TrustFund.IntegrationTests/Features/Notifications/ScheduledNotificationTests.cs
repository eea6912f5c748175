using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>The daily jobs, driven across their boundaries: the minute before, at, after, and run twice.</summary>
public sealed class ScheduledNotificationTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private static DateTimeOffset Vienna(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")
            .GetUtcOffset(new DateTime(year, month, day, hour, minute, 0))).ToUniversalTime();

    [Fact]
    public async Task MissingUnoreTable_IsReportedFromTheFirstWorkingDayInVienna_OnceAMonth()
    {
        await CreateUser("certifier@unodc.test", Roles.CertifyingOfficer);
        await CreateUser("manager@unodc.test", Roles.FundManager);
        await CreateUser("ngo@example.org", Roles.Applicant);

        // 1 May 2027 is a Saturday: the first working day is Monday 3 May.
        App.Clock.SetUtcNow(Vienna(2027, 5, 2, 23, 59));
        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command()));
        App.Clock.SetUtcNow(Vienna(2027, 5, 3));
        Assert.Equal(2, await Send(new NotifyMissingUnoreTable.Command()));
        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command())); // run twice: nothing more

        await using var db = App.NewDbContext();
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.EventKey == "unore-missing:2027-05"));
        Assert.Equal(2, await db.OutboxEmails.CountAsync());
        Assert.Contains(await db.OutboxEmails.ToListAsync(), e => e.Subject == "The UNORE table for May 2027 is missing");
    }

    [Fact]
    public async Task MissingUnoreTable_SaysNothing_WhenTheMonthsRatesAreIn()
    {
        await CreateUser("manager@unodc.test", Roles.FundManager);
        App.Clock.SetUtcNow(Vienna(2027, 5, 3, 9));
        await Send(new AddUnoreRate.Command("EUR", new DateOnly(2027, 5, 1), 0.921m));

        Assert.Equal(0, await Send(new NotifyMissingUnoreTable.Command()));
    }

    [Fact]
    public async Task TermEnding_IsReportedToAdministrators_AtNinetyDays_Once()
    {
        var admin = await CreateUser("admin@unodc.test", Roles.Admin);
        var trustee = await CreateUser("trustee@board.test", Roles.Trustee);
        // The end is fixed first and the start taken from it: "three years ago plus 91 days" plus three years is not
        // 91 days away when a leap day lies between (this test failed every winter until it said what it meant).
        var end = JobCalendar.Today(App.Clock).AddDays(91);
        await Send(new AppointTrustee.Command(trustee.Id, "SN", null, null, end.AddYears(-3).AddDays(1), end));

        Assert.Equal(0, await Send(new NotifyTermsEnding.Command())); // 91 days left
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Send(new NotifyTermsEnding.Command()));  // 90 days left
        Assert.Equal(0, await Send(new NotifyTermsEnding.Command()));

        var client = await SignedIn(await CreateUser("admin2@unodc.test", [Roles.Admin], twoFactor: true));
        Assert.Contains("You have no notifications.", await client.GetStringAsync("/notifications")); // created after the event
        await using var db = App.NewDbContext();
        Assert.Equal(admin.Id, (await db.Notifications.SingleAsync()).UserId);
    }

    [Fact]
    public async Task PublishingACall_SchedulesItsClosingAtTheDeadline()
    {
        var monitoring = Hangfire.JobStorage.Current.GetMonitoringApi();
        var before = monitoring.ScheduledCount();
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));

        await Send(new PublishCall.Command(call.Id));

        Assert.Equal(before + 1, monitoring.ScheduledCount());
    }
}
