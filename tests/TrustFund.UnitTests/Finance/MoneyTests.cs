using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.UnitTests.Finance;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1000.00", "0.921", "1085.78")]     // 1085.7763... rounds down
    [InlineData("0.005", "1", "0.01")]              // half a cent rounds away from zero, not to even (0.00)
    [InlineData("0.015", "1", "0.02")]
    [InlineData("0.025", "1", "0.03")]              // to-even would give 0.02
    [InlineData("-0.025", "1", "-0.03")]            // reversals round symmetrically
    [InlineData("1000000", "10.85", "92165.90")]    // NOK: 92165.8986...
    [InlineData("2500000", "152.3", "16414.97")]    // JPY: 16414.9704...
    public void ToUsd_DividesByTheUnitsPerDollar_AndRoundsHalfAwayFromZero(string amount, string rate, string usd)
    {
        var converted = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR")
            .ToUsd(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), converted.Amount);
        Assert.Equal("USD", converted.Currency);
    }

    [Fact]
    public void ToUsd_OfUsd_IsTheSameAmount_WhateverTheRate()
    {
        Assert.Equal(Money.InUsd(20_000.004m), Money.InUsd(20_000.004m).ToUsd(7m));
    }

    [Fact]
    public void RoundToCents_DiffersFromBankersRounding_OnlyAtTheMidpoint()
    {
        Assert.Equal(2.67m, Money.RoundToCents(2.665m));
        Assert.Equal(2.66m, Math.Round(2.665m, 2)); // what .NET's default (to even) would have booked
        Assert.Equal(2.66m, Money.RoundToCents(2.6649m));
    }

    [Fact]
    public void ToUsd_WithAZeroOrNegativeRate_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Money(10, "EUR").ToUsd(0));
        Assert.Throws<DomainException>(() => new Money(10, "EUR").ToUsd(-1));
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" nok ", "NOK")]
    public void Currency_IsNormalisedToTheIsoCode(string typed, string code) => Assert.Equal(code, new Money(1, typed).Currency);

    [Theory]
    [InlineData("EURO")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Currency_ThatIsNotIso4217_IsRefused(string code) => Assert.Throws<DomainException>(() => new Money(1, code));

    [Fact]
    public void Adding_KeepsTheCurrency_AndRefusesToMixCurrencies()
    {
        Assert.Equal(new Money(15.5m, "EUR"), new Money(10, "EUR") + new Money(5.5m, "EUR"));
        Assert.Equal(new Money(-10, "EUR"), -new Money(10, "EUR"));
        Assert.Throws<InvalidOperationException>(() => new Money(10, "EUR") + new Money(10, "USD"));
    }
}
