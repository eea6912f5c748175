using System.Globalization;
using TrustFund.Domain.Finance;

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

    /// <summary>
    /// "Deadline:", "Date limite :", "Fecha límite:": a label with its colon, as the reader's language sets it. French puts
    /// a no-break space before the colon (no-break so that the colon never starts a line); English and Spanish do not.
    /// Views write every "label: value" through this rather than gluing a colon to a translated text, so no French page
    /// reads "Date limite:" and no catalogue needs a second, colon-ended copy of each label.
    /// </summary>
    public static string Label(string text) => Language == "fr" ? text + "\u00A0:" : text + ":";

    /// <summary>Items set off by semicolons, as the reader's language sets them: "a\u00A0; b" in French (as Label's colon), "a; b" otherwise.</summary>
    public static string Semicolons(IEnumerable<string> items) => string.Join(Language == "fr" ? "\u00A0; " : "; ", items);

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Whole US dollars, as Money writes an amount in the reader's language ("USD 20,000", "20 000 USD").</summary>
    public static string Usd(decimal amount) => Money.InUsd(amount).ToString("N0", CultureInfo.CurrentCulture);
}
