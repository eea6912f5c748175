namespace TrustFund.Domain.Common;

/// <summary>
/// The fund keeps the calendar of UNODC's headquarters in Vienna: what "today" is for a value date, a term, a report
/// deadline or a fiscal year. Never the server's zone and never UTC's date: between 23:00 and midnight UTC (22:00 in
/// summer) Vienna is already on the next day, and on 1 January that is the next fiscal year. A call's deadline is the
/// one exception: it keeps its own zone (<see cref="Calls.Call.TimeZoneId"/>).
/// </summary>
public static class FundCalendar
{
    public const string TimeZoneId = "Europe/Vienna";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
