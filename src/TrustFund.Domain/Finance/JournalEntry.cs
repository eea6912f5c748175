using TrustFund.Domain.Common;

namespace TrustFund.Domain.Finance;

/// <summary>
/// One financial event in the fund's books. Entries are only ever added: the database refuses UPDATE and DELETE on
/// the table, so a mistake is corrected by a reversing entry that carries the negated amounts and points at the
/// entry it reverses. Summing entries (reversals included) therefore gives the balances directly.
/// </summary>
public sealed class JournalEntry
{
    private JournalEntry() { }

    private JournalEntry(JournalEventType eventType, DateOnly valueDate, Money amount, decimal rate, decimal usdAmount,
        JournalDocument document, Guid? donorId, Actor actor, DateTimeOffset now)
    {
        EventType = eventType;
        ValueDate = valueDate;
        Amount = amount.Amount;
        Currency = amount.Currency;
        Rate = rate;
        UsdAmount = usdAmount;
        DocumentType = document.Type;
        DocumentId = document.Id;
        DocumentReference = document.Reference;
        DonorId = donorId;
        RecordedByUserId = actor.UserId;
        RecordedBy = actor.Name;
        RecordedAt = now;
    }

    /// <summary>Records an event; the USD amount is computed from the rate (units of currency per USD) and rounded to the cent.</summary>
    public static JournalEntry Record(JournalEventType eventType, DateOnly valueDate, Money amount, decimal unitsPerUsd,
        JournalDocument document, Guid? donorId, Actor actor, DateTimeOffset now)
    {
        if (eventType == JournalEventType.Reversal) throw new InvalidOperationException("Use Reverse() to record a reversal.");
        if (amount.Amount <= 0) throw new DomainException("A journal amount must be more than zero.");
        var rate = amount.IsUsd ? 1m : unitsPerUsd;
        return new JournalEntry(eventType, valueDate, amount, rate, amount.ToUsd(rate).Amount, document, donorId, actor, now);
    }

    /// <summary>A new entry cancelling this one, on <paramref name="valueDate"/>, at the same rate so that the USD amounts cancel exactly.</summary>
    public JournalEntry Reverse(string reason, DateOnly valueDate, Actor actor, DateTimeOffset now)
    {
        if (EventType == JournalEventType.Reversal) throw new DomainException("A reversal cannot itself be reversed: record the event again instead.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for the reversal.");
        return new JournalEntry(JournalEventType.Reversal, valueDate, new Money(-Amount, Currency), Rate, -UsdAmount,
            new JournalDocument(DocumentType, DocumentId, DocumentReference), DonorId, actor, now)
        {
            ReversedEntryId = Id,
            ReversedEventType = EventType,
            Reason = reason.Trim(),
        };
    }

    /// <summary>A running number: the order in which the events were booked, without gaps an auditor would have to explain away.</summary>
    public long Id { get; private set; }

    public JournalEventType EventType { get; private set; }

    /// <summary>For a reversal, the kind of event it cancels, so that balances can be summed per kind without a join.</summary>
    public JournalEventType? ReversedEventType { get; private set; }

    public long? ReversedEntryId { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The accounting date: the bank's value date for money moving, the signature date for an obligation. Its year is the fiscal year.</summary>
    public DateOnly ValueDate { get; private set; }

    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";

    /// <summary>Units of <see cref="Currency"/> per USD used for this entry (1 for USD).</summary>
    public decimal Rate { get; private set; }

    public decimal UsdAmount { get; private set; }

    public string DocumentType { get; private set; } = "";
    public Guid? DocumentId { get; private set; }
    public string? DocumentReference { get; private set; }
    public Guid? DonorId { get; private set; }

    public Guid? RecordedByUserId { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The kind of balance this entry moves: its own type, or for a reversal the type it cancels.</summary>
    public JournalEventType BalanceType => ReversedEventType ?? EventType;
}

public enum JournalEventType
{
    ContributionReceived,
    ObligationRaised,
    ObligationLiquidated,
    ObligationReleased,
    Disbursement,
    PscCharge,
    Refund,
    Reversal,
}

/// <summary>The document an entry comes from: its type (ContributionReceipt, GrantAgreement, Payment...), id and human reference.</summary>
public sealed record JournalDocument(string Type, Guid? Id, string? Reference);

/// <summary>Who booked an entry. The name is kept as text so the books still read right after an account is renamed.</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}
