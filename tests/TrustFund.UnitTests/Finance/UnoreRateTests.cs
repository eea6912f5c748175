using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.UnitTests.Finance;

public sealed class UnoreRateTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);

    private static UnoreRate Rate(string currency, string from, decimal units) =>
        new(currency, DateOnly.Parse(from), units, UnoreRateSource.Imported, Now);

    private static readonly UnoreRate[] Table =
    [
        Rate("EUR", "2027-02-01", 0.930m),
        Rate("EUR", "2027-03-01", 0.921m),
        Rate("EUR", "2027-03-15", 0.915m),   // mid-month revision
        Rate("NOK", "2027-03-01", 10.62m),
    ];

    [Theory]
    [InlineData("2027-03-01", "0.921")]
    [InlineData("2027-03-14", "0.921")]
    [InlineData("2027-03-15", "0.915")]
    [InlineData("2027-03-31", "0.915")]
    [InlineData("2027-02-28", "0.930")]
    public void InForce_IsTheLatestRateStartingOnOrBeforeTheDate_InThatMonth(string date, string expected)
    {
        var rate = UnoreRate.InForce(Table, "EUR", DateOnly.Parse(date));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate!.UnitsPerUsd);
    }

    [Fact]
    public void InForce_DoesNotCarryAMonthsRateIntoTheNextMonth()
    {
        Assert.Null(UnoreRate.InForce(Table, "EUR", new DateOnly(2027, 4, 2)));
        Assert.Null(UnoreRate.InForce(Table, "NOK", new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public void NewRate_ForUsd_OrNotPositive_OrWithTooManyDecimals_IsRefused()
    {
        Assert.Throws<DomainException>(() => Rate("USD", "2027-03-01", 1m));
        Assert.Throws<DomainException>(() => Rate("EUR", "2027-03-01", 0m));
        Assert.Throws<DomainException>(() => Rate("EUR", "2027-03-01", 0.1234567m));
    }
}
