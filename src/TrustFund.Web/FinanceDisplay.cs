using System.Globalization;
using TrustFund.Domain.Finance;

namespace TrustFund.Web;

/// <summary>How money, rates and percentages read on the finance pages, in the viewer's language; always to the cent.</summary>
public static class FinanceDisplay
{
    /// <summary>To the cent, as Money writes an amount in the reader's language ("EUR 1,000.00", "1 000,00 EUR").</summary>
    public static string Amount(decimal amount, string currency) => new Money(amount, currency).ToString("N2", CultureInfo.CurrentCulture);

    public static string Usd(decimal amount) => Amount(amount, "USD");

    public static string Rate(decimal unitsPerUsd) => unitsPerUsd.ToString("#,##0.######", CultureInfo.CurrentCulture);

    /// <summary>"13%" in English; "13 %" in French and Spanish, with a no-break space so the sign never starts a line.</summary>
    public static string Percent(decimal fraction) =>
        (fraction * 100).ToString("0.##", CultureInfo.CurrentCulture) + (CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? "%" : "\u00A0%");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value to put back into an input of type number: always with a decimal point.</summary>
    public static string Input(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
