using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Domain.Donors;

/// <summary>
/// Money deposited in the fund's account against a pledge. It stores the UNORE rate it was converted at, so the USD
/// amount can be checked later whatever happens to the rate tables. A receipt is never edited: a wrong one is
/// reversed (with a reason) and recorded again.
/// </summary>
public sealed class ContributionReceipt : Entity
{
    public const string DocumentType = "ContributionReceipt";

    private ContributionReceipt() { }

    internal ContributionReceipt(Guid pledgeId, Guid donorId, Money deposited, DateOnly valueDate, string bankReference, decimal unitsPerUsd,
        Actor actor, DateTimeOffset now)
    {
        PledgeId = pledgeId;
        Amount = deposited.Amount;
        Currency = deposited.Currency;
        ValueDate = valueDate;
        BankReference = bankReference;
        UnitsPerUsd = deposited.IsUsd ? 1m : unitsPerUsd;
        UsdAmount = deposited.ToUsd(UnitsPerUsd).Amount;
        RecordedBy = actor.Name;
        RecordedAt = now;
        Raise(new ContributionReceived(donorId, deposited, valueDate, UnitsPerUsd, Document));
    }

    public Guid PledgeId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly ValueDate { get; private set; }
    public string BankReference { get; private set; } = "";

    /// <summary>The UNORE rate used: units of <see cref="Currency"/> per USD (1 for USD).</summary>
    public decimal UnitsPerUsd { get; private set; }

    public decimal UsdAmount { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? ReversedAt { get; private set; }
    public string? ReversedBy { get; private set; }
    public string? ReversalReason { get; private set; }

    public bool IsReversed => ReversedAt is not null;

    public Money Deposited => new(Amount, Currency);

    public JournalDocument Document => new(DocumentType, Id, BankReference);

    /// <summary>Marks the receipt reversed (<see cref="ContributionReceiptReversed"/>, whose handler cancels its journal entry).</summary>
    public void Reverse(string reason, Actor actor, DateTimeOffset now)
    {
        if (IsReversed) throw new DomainException("This receipt has already been reversed.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for the reversal.");
        ReversedAt = now;
        ReversedBy = actor.Name;
        ReversalReason = reason.Trim();
        Raise(new ContributionReceiptReversed(Id, ReversalReason, FundCalendar.DateOf(now)));
    }
}
