using System.Globalization;

namespace TrustFund.Web;

/// <summary>How whole days (terms of office) read on the pages, in the viewer's language.</summary>
public static class Days
{
    /// <summary>"22 November 2026": the day first, month in words, so that no reader mistakes 03/04 for 04/03.</summary>
    public static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The value an <c>input type="date"</c> expects.</summary>
    public static string Input(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
