namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// The calendar the scheduled jobs keep: UNODC's (Vienna) working days, unless a deadline carries its own zone.
/// Jobs run every day and decide here whether today is their day, so a missed or repeated run changes nothing.
/// </summary>
public static class JobCalendar
{
    public const string HeadquartersTimeZone = Domain.Common.FundCalendar.TimeZoneId;

    public static DateOnly Today(TimeProvider clock, string timeZoneId = HeadquartersTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>The first Monday-to-Friday of the month (public holidays are not modelled).</summary>
    public static DateOnly FirstWorkingDay(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }
}
