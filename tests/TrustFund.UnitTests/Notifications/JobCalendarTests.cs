using Microsoft.Extensions.Time.Testing;
using TrustFund.Application.Features.Notifications;

namespace TrustFund.UnitTests.Notifications;

public sealed class JobCalendarTests
{
    [Theory]
    [InlineData(2027, 5, "2027-05-03")]  // 1 May is a Saturday
    [InlineData(2027, 2, "2027-02-01")]  // a Monday
    [InlineData(2026, 11, "2026-11-02")] // 1 November is a Sunday
    public void FirstWorkingDay_SkipsTheWeekend(int year, int month, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), JobCalendar.FirstWorkingDay(year, month));

    [Fact]
    public void Today_IsTheDateInVienna_NotInUtc()
    {
        // 21:59 UTC on 31 March 2027 is 23:59 in Vienna (summer time, UTC+2); a minute later it is 1 April there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 21, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 3, 31), JobCalendar.Today(clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2027, 4, 1), JobCalendar.Today(clock));
        Assert.Equal(new DateOnly(2027, 3, 31), JobCalendar.Today(clock, "America/New_York"));
    }
}
