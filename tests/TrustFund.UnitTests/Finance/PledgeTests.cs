using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;

namespace TrustFund.UnitTests.Finance;

public sealed class PledgeTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 20);

    private static Pledge Pledge(decimal amount = 100_000, string currency = "EUR") =>
        new(Guid.NewGuid(), new Money(amount, currency), new DateOnly(2027, 3, 2), 0.921m, false, null, Now);

    [Fact]
    public void NewPledge_IsValuedAtThePledgeDateRate()
    {
        var pledge = Pledge();
        Assert.Equal(108_577.63m, pledge.UsdEquivalent);
        Assert.Equal(0.921m, pledge.RateAtPledge);
    }

    [Fact]
    public void Receive_StoresTheRateUsed_AndReducesWhatIsOutstanding()
    {
        var pledge = Pledge();
        var receipt = pledge.Receive(new Money(40_000, "EUR"), Today, "BANK-42", 0.915m, Actor.System, Now);

        Assert.Equal(0.915m, receipt.UnitsPerUsd);
        Assert.Equal(43_715.85m, receipt.UsdAmount);
        Assert.Equal(new Money(60_000, "EUR"), pledge.Outstanding);
    }

    [Fact]
    public void Receive_MoreThanOutstanding_OrInAnotherCurrency_OrInTheFuture_IsRefused()
    {
        var pledge = Pledge();
        pledge.Receive(new Money(90_000, "EUR"), Today, "A", 0.915m, Actor.System, Now);
        Assert.Throws<DomainException>(() => pledge.Receive(new Money(10_000.01m, "EUR"), Today, "B", 0.915m, Actor.System, Now));
        Assert.Throws<DomainException>(() => pledge.Receive(new Money(100, "USD"), Today, "C", 1m, Actor.System, Now));
        Assert.Throws<DomainException>(() => pledge.Receive(new Money(100, "EUR"), Today.AddDays(1), "D", 0.915m, Actor.System, Now));
    }

    [Fact]
    public void ReversedReceipt_NoLongerCounts_AndCannotBeReversedTwice()
    {
        var pledge = Pledge();
        var receipt = pledge.Receive(new Money(100_000, "EUR"), Today, "A", 0.915m, Actor.System, Now);
        receipt.Reverse("Wrong fund", Actor.System, Now);

        Assert.Equal(new Money(100_000, "EUR"), pledge.Outstanding);
        Assert.Throws<DomainException>(() => receipt.Reverse("Again", Actor.System, Now));
    }

    [Fact]
    public void EarmarkedPledge_NeedsItsPurpose()
    {
        Assert.Throws<DomainException>(() =>
            new Pledge(Guid.NewGuid(), Money.InUsd(10), new DateOnly(2027, 3, 2), 1, true, " ", Now));
        var pledge = new Pledge(Guid.NewGuid(), Money.InUsd(10), new DateOnly(2027, 3, 2), 1, true, "Child victims in West Africa", Now);
        Assert.Equal("Child victims in West Africa", pledge.EarmarkPurpose);
    }

    [Fact]
    public void MemberStateDonor_NeedsItsCountry()
    {
        Assert.Throws<DomainException>(() => new Donor("Norway", DonorKind.MemberState, null));
        Assert.Equal("NO", new Donor("Norway", DonorKind.MemberState, "no").CountryIso2);
        Assert.Null(new Donor("Jane Doe", DonorKind.Individual, " ").CountryIso2);
    }
}
