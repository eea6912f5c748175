using System.Globalization;
using TrustFund.Application.Reports;

namespace TrustFund.Web;

/// <summary>How whole days (terms of office) read on the pages, in the viewer's language.</summary>
public static class Days
{
    /// <summary>
    /// "22 November 2026", "22 novembre 2026", "22 de noviembre de 2026": the day first, month in words, so that no reader
    /// mistakes 03/04 for 04/03; written as the documents write it (Spanish joins the three with "de").
    /// </summary>
    public static string Long(DateOnly day) =>
        day.ToString(DocumentLanguages.LongDateFormat(CultureInfo.CurrentCulture.TwoLetterISOLanguageName), CultureInfo.CurrentCulture);

    /// <summary>The value an <c>input type="date"</c> expects.</summary>
    public static string Input(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
