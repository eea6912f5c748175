using Microsoft.Extensions.Localization;
using TrustFund.Application.Reports;

namespace TrustFund.Web.Localization;

public static class CountedText
{
    /// <summary>
    /// A count put before its noun in the reader's language, from the singular or the plural text as that language
    /// wants ("1 grant", "0 grants", "0 subvention"): T.Plural(n, "{0} grant", "{0} grants"). The count is {0}; any
    /// other values follow it.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer t, long count, string one, string other, params object[] more) =>
        t[DocumentLanguages.CountedText(Display.Language, count, one, other), [count, .. more]];
}
