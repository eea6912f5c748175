namespace TrustFund.Testing;

/// <summary>
/// The instants where calendars bite (issue 11), in UTC, with the date Vienna's calendar (the fund's) says it is then.
/// The unit tests of the rules and the integration tests of the jobs share this list (linked from tests/Shared), so
/// both levels are tested at the same instants.
/// </summary>
public static class CalendarInstants
{
    public static readonly (string Utc, string ViennaDate, string Why)[] All =
    [
        ("2028-02-28T22:59:59Z", "2028-02-28", "leap year: last second of 28 February in Vienna"),
        ("2028-02-28T23:00:00Z", "2028-02-29", "leap year: 29 February begins in Vienna"),
        ("2028-02-29T22:59:59Z", "2028-02-29", "leap year: last second of 29 February"),
        ("2028-02-29T23:00:00Z", "2028-03-01", "leap year: 1 March"),
        ("2027-02-28T22:59:59Z", "2027-02-28", "common year: last second of February"),
        ("2027-02-28T23:00:00Z", "2027-03-01", "common year: 1 March"),
        ("2027-12-31T22:59:59Z", "2027-12-31", "31 December 23:59:59 in Vienna"),
        ("2027-12-31T23:00:00Z", "2028-01-01", "1 January 00:00:00 in Vienna, still 31 December in UTC"),
        ("2027-03-28T00:59:59Z", "2027-03-28", "spring change: 01:59:59 CET"),
        ("2027-03-28T01:00:00Z", "2027-03-28", "spring change: 03:00:00 CEST"),
        ("2027-10-31T00:59:59Z", "2027-10-31", "autumn change: 02:59:59 CEST"),
        ("2027-10-31T01:00:00Z", "2027-10-31", "autumn change: 02:00:00 CET (the first time)"),
        ("2027-10-31T01:59:59Z", "2027-10-31", "autumn change: 02:59:59 CET (the second time)"),
        ("2027-01-31T10:00:00Z", "2027-01-31", "month end: 31 January"),
    ];

    public static TheoryData<string, string> Instants()
    {
        var data = new TheoryData<string, string>();
        foreach (var (utc, viennaDate, _) in All) data.Add(utc, viennaDate);
        return data;
    }

    public static DateTimeOffset Parse(string utc) =>
        DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
