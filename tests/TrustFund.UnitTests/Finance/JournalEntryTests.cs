using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.UnitTests.Finance;

public sealed class JournalEntryTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = new(Guid.NewGuid(), "officer@unodc.test");
    private static readonly JournalDocument Receipt = new("ContributionReceipt", Guid.NewGuid(), "BANK-1");

    [Fact]
    public void Record_ConvertsToUsdAtTheRate_AndKeepsTheRate()
    {
        var entry = JournalEntry.Record(JournalEventType.ContributionReceived, new DateOnly(2027, 3, 16), new Money(100_000, "EUR"),
            0.915m, Receipt, null, Officer, Now);

        Assert.Equal(109_289.62m, entry.UsdAmount);
        Assert.Equal(0.915m, entry.Rate);
        Assert.Equal("officer@unodc.test", entry.RecordedBy);
        Assert.Equal(JournalEventType.ContributionReceived, entry.BalanceType);
    }

    [Fact]
    public void Record_InUsd_UsesRateOne()
    {
        var entry = JournalEntry.Record(JournalEventType.Disbursement, new DateOnly(2027, 3, 16), Money.InUsd(20_000), 0.9m,
            new JournalDocument("Payment", Guid.NewGuid(), "PAY-1"), null, Officer, Now);
        Assert.Equal(1m, entry.Rate);
        Assert.Equal(20_000m, entry.UsdAmount);
    }

    [Fact]
    public void Reverse_NegatesTheAmounts_AtTheSameRate_AndMovesTheSameBalance()
    {
        var original = JournalEntry.Record(JournalEventType.ContributionReceived, new DateOnly(2027, 3, 16), new Money(100_000, "EUR"),
            0.915m, Receipt, Guid.NewGuid(), Officer, Now);

        var reversal = original.Reverse("Deposit belonged to another fund", new DateOnly(2027, 3, 20), Officer, Now);

        Assert.Equal(JournalEventType.Reversal, reversal.EventType);
        Assert.Equal(JournalEventType.ContributionReceived, reversal.BalanceType);
        Assert.Equal(-original.Amount, reversal.Amount);
        Assert.Equal(-original.UsdAmount, reversal.UsdAmount);
        Assert.Equal(original.Rate, reversal.Rate);
        Assert.Equal(original.DonorId, reversal.DonorId);
        Assert.Equal(original.DocumentId, reversal.DocumentId);
        Assert.Equal("Deposit belonged to another fund", reversal.Reason);
    }

    [Fact]
    public void Reverse_WithoutReason_OrOfAReversal_IsRefused()
    {
        var original = JournalEntry.Record(JournalEventType.ContributionReceived, new DateOnly(2027, 3, 16), Money.InUsd(10), 1,
            Receipt, null, Officer, Now);
        Assert.Throws<DomainException>(() => original.Reverse(" ", new DateOnly(2027, 3, 20), Officer, Now));
        var reversal = original.Reverse("typo", new DateOnly(2027, 3, 20), Officer, Now);
        Assert.Throws<DomainException>(() => reversal.Reverse("again", new DateOnly(2027, 3, 20), Officer, Now));
    }

    [Fact]
    public void FundPosition_Available_IsCashLessOpenObligationsAndTheirPscAndTheReserve()
    {
        var position = FundPosition.From([
            (JournalEventType.ContributionReceived, 500_000m),
            (JournalEventType.ObligationRaised, 100_000m),
            (JournalEventType.ObligationLiquidated, 20_000m),
            (JournalEventType.Disbursement, 20_000m),
            (JournalEventType.PscCharge, 2_600m),
        ]);
        // cash 477,400; open obligations 80,000 + 13% PSC = 90,400; reserve 5% of 500,000 = 25,000
        Assert.Equal(477_400m, position.Cash);
        Assert.Equal(80_000m, position.OpenObligations);
        Assert.Equal(362_000m, position.Available(new FundSettings(1, 0.13m, 0.05m)));
        Assert.Equal(387_000m, position.Available(new FundSettings(1, 0.13m, 0m)));
    }
}
