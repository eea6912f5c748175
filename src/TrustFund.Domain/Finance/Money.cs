using System.Globalization;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Finance;

/// <summary>
/// An amount in a currency. The fund's books are in USD (FRR regulation 6.1); other currencies convert at a UNORE rate,
/// which the UN publishes as units of the currency per one US dollar.
/// </summary>
public readonly record struct Money : IFormattable
{
    public const string Usd = "USD";

    public Money(decimal amount, string currency)
    {
        Currency = Currencies.Normalise(currency);
        Amount = amount;
    }

    public decimal Amount { get; }
    public string Currency { get; }

    public static Money InUsd(decimal amount) => new(amount, Usd);

    public bool IsUsd => Currency == Usd;

    /// <summary>
    /// Converts at <paramref name="unitsPerUsd"/> and rounds to the cent. Half a cent rounds away from zero
    /// (EUR 0.005 at 1.0 is USD 0.01, not 0.00): that is how the UN's and most banks' accounting systems round,
    /// whereas .NET's default (to even) would make the same amount round differently depending on the digit before it,
    /// which an auditor checking by hand would read as an error.
    /// </summary>
    public Money ToUsd(decimal unitsPerUsd)
    {
        if (unitsPerUsd <= 0) throw new DomainException("An exchange rate must be more than zero.");
        if (IsUsd) return this;
        return InUsd(RoundToCents(Amount / unitsPerUsd));
    }

    public static decimal RoundToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot add {a.Currency} to {b.Currency}.");

    public override string ToString() => ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>
    /// The one way an amount is written for a reader, pages, e-mails and PDFs alike: figures grouped as the language groups
    /// them, and the ISO code where a reader of that language expects it: "USD 20,000.00" in English, "20 000,00 USD" in
    /// French, "20.000,00 USD" in Spanish, the code held to its figure by a no-break space. Texts take the amount whole
    /// ("a refund of {0}"), never writing the code themselves. <paramref name="format"/> is the figure's (N2 unless said,
    /// N0 for whole dollars).
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var figure = Amount.ToString(string.IsNullOrEmpty(format) ? "N2" : format, formatProvider);
        return (formatProvider as CultureInfo)?.TwoLetterISOLanguageName is "fr" or "es" ? figure + "\u00A0" + Currency : Currency + " " + figure;
    }
}
