using System.Globalization;

namespace TrustFund.Web;

/// <summary>How dates and amounts read on the pages, in the viewer's language.</summary>
public static class Display
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>"31 December 2026, 23:59 (Europe/Vienna)": the deadline as the call announces it.</summary>
    public static string InZone(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("D", CultureInfo.CurrentCulture)}, {local:HH:mm} ({timeZoneId})";
    }

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Usd(decimal amount) => "USD " + amount.ToString("N0", CultureInfo.CurrentCulture);
}
