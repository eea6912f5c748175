using Microsoft.Extensions.Time.Testing;
using TrustFund.Application.Features.Notifications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Calendar;

/// <summary>The date rules the fund lives by, at the instants where calendars bite (issue 11).</summary>
public sealed class CalendarRuleTests
{
    [Theory]
    [MemberData(nameof(CalendarInstants.Instants), MemberType = typeof(CalendarInstants))]
    public void JobCalendar_Today_IsViennasDate_AtEveryBoundary(string utc, string viennaDate)
    {
        var clock = new FakeTimeProvider(CalendarInstants.Parse(utc));

        Assert.Equal(CalendarInstants.Date(viennaDate), JobCalendar.Today(clock));
    }

    [Theory]
    [InlineData(2027, 1, "2027-01-01")]   // a Friday
    [InlineData(2028, 1, "2028-01-03")]   // 1 January 2028 is a Saturday
    [InlineData(2027, 2, "2027-02-01")]
    [InlineData(2028, 3, "2028-03-01")]   // after the leap day
    [InlineData(2027, 5, "2027-05-03")]   // 1 May 2027 is a Saturday
    [InlineData(2026, 11, "2026-11-02")]  // 1 November 2026 is a Sunday
    public void FirstWorkingDay_SkipsTheWeekend(int year, int month, string expected)
    {
        Assert.Equal(CalendarInstants.Date(expected), JobCalendar.FirstWorkingDay(year, month));
    }

    [Theory]
    [InlineData("2028-02-29", "2031-02-28")] // a term begun on a leap day ends on the last day of February
    [InlineData("2027-02-28", "2030-02-28")]
    [InlineData("2027-03-01", "2030-03-01")]
    [InlineData("2027-01-31", "2030-01-31")]
    [InlineData("2027-12-31", "2030-12-31")]
    public void TrusteeTerm_DefaultsToThreeCalendarYears(string start, string expectedEnd)
    {
        var board = new BoardOfTrustees([], []);
        var startDate = CalendarInstants.Date(start);

        var term = board.Appoint(Guid.NewGuid(), "SN", BoardOfTrustees.SeatGroups[0], null, null, startDate, null, new DateTimeOffset(startDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        Assert.Equal(CalendarInstants.Date(expectedEnd), term.TermEnd);
        Assert.True(term.IsServingOn(term.TermEnd.AddDays(-1)));
        Assert.False(term.IsServingOn(term.TermEnd)); // the last day of service is the day before the end date
    }

    [Theory]
    [InlineData("2027-02-28", "2027-04-28")]
    [InlineData("2027-12-31", "2028-02-29")] // final reports two months after the end: a leap February
    [InlineData("2026-12-31", "2027-02-28")] // and a common one
    [InlineData("2027-01-31", "2027-03-31")]
    [InlineData("2027-03-31", "2027-05-31")]
    [InlineData("2027-07-31", "2027-09-30")] // 31 July + 2 months: no 31 September
    public void FinalReports_FallDueTwoMonthsAfterTheEnd_ClampedToTheMonthsLastDay(string end, string expectedDue)
    {
        var endDate = CalendarInstants.Date(end);

        var reports = GrantSchedule.Reports(endDate.AddMonths(-12).AddDays(1), endDate, [new Instalment(1, 100, InstalmentCondition.OnSignature)]);

        Assert.All(reports.Where(r => r.Kind is GrantReportKind.FinalNarrative or GrantReportKind.FinalFinancial),
            r => Assert.Equal(CalendarInstants.Date(expectedDue), r.DueOn));
    }

    [Theory]
    [InlineData("2027-01-31", "0.930")]
    [InlineData("2027-02-01", "0.921")] // the month's table takes over on the 1st
    [InlineData("2028-02-29", "0.915")]
    [InlineData("2028-03-01", null)]    // and is never carried into the next month
    [InlineData("2027-12-31", "0.901")]
    [InlineData("2028-01-01", null)]
    public void UnoreRate_InForce_ChangesAtTheMonthBoundary(string date, string? expected)
    {
        UnoreRate Rate(string from, decimal units) =>
            new("EUR", CalendarInstants.Date(from), units, UnoreRateSource.Imported, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        UnoreRate[] table = [Rate("2027-01-01", 0.930m), Rate("2027-02-01", 0.921m), Rate("2027-12-01", 0.901m), Rate("2028-02-01", 0.915m)];

        var rate = UnoreRate.InForce(table, "EUR", CalendarInstants.Date(date));

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate?.UnitsPerUsd);
    }
}
