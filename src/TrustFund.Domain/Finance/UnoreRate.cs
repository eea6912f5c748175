using TrustFund.Domain.Common;

namespace TrustFund.Domain.Finance;

/// <summary>
/// A UN operational rate of exchange: units of a currency per one US dollar, in force from a date to the end of that
/// month. The UN sets the rates monthly and sometimes revises one mid-month; a revision is a new rate with a later
/// start date in the same month, so a rate once used by a receipt is never changed.
/// </summary>
public sealed class UnoreRate : Entity
{
    private UnoreRate() { }

    public UnoreRate(string currency, DateOnly effectiveFrom, decimal unitsPerUsd, UnoreRateSource source, DateTimeOffset now)
    {
        Currency = Currencies.Normalise(currency);
        if (Currency == Money.Usd) throw new DomainException("USD is the fund's own currency: it needs no rate.");
        if (unitsPerUsd <= 0) throw new DomainException("A rate must be more than zero.");
        if (decimal.Round(unitsPerUsd, 6) != unitsPerUsd) throw new DomainException("A rate has at most six decimals.");
        EffectiveFrom = effectiveFrom;
        UnitsPerUsd = unitsPerUsd;
        Source = source;
        CreatedAt = now;
    }

    public string Currency { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public decimal UnitsPerUsd { get; private set; }
    public UnoreRateSource Source { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The rate in force on <paramref name="date"/>: the latest starting on or before it within the same month.</summary>
    public static UnoreRate? InForce(IEnumerable<UnoreRate> rates, string currency, DateOnly date) =>
        rates.Where(r => r.Currency == currency && r.EffectiveFrom <= date && r.EffectiveFrom >= FirstOfMonth(date))
            .MaxBy(r => r.EffectiveFrom);
}

public enum UnoreRateSource
{
    Imported,
    EnteredByHand,
}
