using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Domain.Donors;

/// <summary>
/// A donor's promise of money, in the currency the donor pledged. Its USD value is fixed at the UNORE rate in force on
/// the pledge date, which is what the "pledged, not yet received" figures use. Receipts are recorded against it.
/// </summary>
public sealed class Pledge : Entity
{
    private readonly List<ContributionReceipt> _receipts = [];

    private Pledge() { }

    public Pledge(Guid donorId, Money amount, DateOnly pledgedOn, decimal unitsPerUsd, bool isEarmarked, string? earmarkPurpose,
        DateTimeOffset now)
    {
        if (amount.Amount <= 0) throw new DomainException("The pledged amount must be more than zero.");
        if (decimal.Round(amount.Amount, 2) != amount.Amount) throw new DomainException("Amounts have at most two decimals.");
        if (pledgedOn > FundCalendar.DateOf(now)) throw new DomainException("The pledge date cannot be in the future.");
        if (isEarmarked && string.IsNullOrWhiteSpace(earmarkPurpose))
            throw new DomainException("An earmarked pledge needs the purpose it is earmarked for.");
        DonorId = donorId;
        Amount = amount.Amount;
        Currency = amount.Currency;
        PledgedOn = pledgedOn;
        RateAtPledge = amount.IsUsd ? 1m : unitsPerUsd;
        UsdEquivalent = amount.ToUsd(RateAtPledge).Amount;
        IsEarmarked = isEarmarked;
        EarmarkPurpose = isEarmarked ? earmarkPurpose!.Trim() : null;
        CreatedAt = now;
    }

    public Guid DonorId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly PledgedOn { get; private set; }

    /// <summary>Units of the currency per USD on the pledge date (1 for USD).</summary>
    public decimal RateAtPledge { get; private set; }

    public decimal UsdEquivalent { get; private set; }
    public bool IsEarmarked { get; private set; }
    public string? EarmarkPurpose { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<ContributionReceipt> Receipts => _receipts;

    public Money Pledged => new(Amount, Currency);

    /// <summary>What is still to come, in the pledge's currency: the pledge less every receipt not reversed.</summary>
    public Money Outstanding => new(Amount - _receipts.Where(r => !r.IsReversed).Sum(r => r.Amount), Currency);

    /// <summary>The USD value of an outstanding amount at the pledge-date rate.</summary>
    public decimal OutstandingUsd(decimal outstanding) => new Money(outstanding, Currency).ToUsd(RateAtPledge).Amount;

    /// <summary>
    /// Records money deposited against this pledge, converted at <paramref name="unitsPerUsd"/> (the UNORE rate in force
    /// on the value date, found by the caller). The receipt keeps the rate it used and raises <see cref="ContributionReceived"/>.
    /// </summary>
    public ContributionReceipt Receive(Money deposited, DateOnly valueDate, string bankReference, decimal unitsPerUsd,
        Actor actor, DateTimeOffset now)
    {
        if (deposited.Currency != Currency)
            throw new DomainException("A receipt is recorded in its pledge's currency: record a separate pledge for money given in another currency.");
        if (deposited.Amount <= 0) throw new DomainException("The amount received must be more than zero.");
        if (decimal.Round(deposited.Amount, 2) != deposited.Amount) throw new DomainException("Amounts have at most two decimals.");
        if (valueDate > FundCalendar.DateOf(now)) throw new DomainException("The value date cannot be in the future.");
        if (string.IsNullOrWhiteSpace(bankReference)) throw new DomainException("Enter the bank reference of the deposit.");
        if (deposited.Amount > Outstanding.Amount)
            throw new DomainException("This receipt is more than what remains of the pledge ({0} {1:N2}).", Outstanding.Currency, Outstanding.Amount);
        var receipt = new ContributionReceipt(Id, DonorId, deposited, valueDate, bankReference.Trim(), unitsPerUsd, actor, now);
        _receipts.Add(receipt);
        return receipt;
    }
}
