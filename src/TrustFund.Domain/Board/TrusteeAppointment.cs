using TrustFund.Domain.Common;

namespace TrustFund.Domain.Board;

/// <summary>
/// One term of one trustee on the Board of Trustees. A renewal is a new appointment (the person's second term)
/// rather than a longer first one, so that each term keeps its own dates and history.
/// Dates are whole days: a trustee serves from <see cref="TermStart"/> (included) until <see cref="EffectiveEnd"/>
/// (excluded), so a term "ending" on 1 January means the last day served was 31 December.
/// </summary>
public sealed class TrusteeAppointment : Entity
{
    public const int TermYears = 3;
    public const int MaxTerms = 2;

    private TrusteeAppointment() { }

    internal TrusteeAppointment(Guid trusteeUserId, string nationalityIso2, string regionalGroupCode, string? regionalGroupReason,
        DateOnly termStart, DateOnly termEnd, int termNumber, Guid? renewalOf, DateTimeOffset now)
    {
        TrusteeUserId = trusteeUserId;
        NationalityIso2 = nationalityIso2;
        RegionalGroupCode = regionalGroupCode;
        RegionalGroupReason = regionalGroupReason;
        TermStart = termStart;
        TermEnd = termEnd;
        TermNumber = termNumber;
        RenewalOf = renewalOf;
        AppointedAt = now;
    }

    public Guid TrusteeUserId { get; private set; }
    public string NationalityIso2 { get; private set; } = "";

    /// <summary>Usually the nationality's group; when the administrator chose another, <see cref="RegionalGroupReason"/> says why.</summary>
    public string RegionalGroupCode { get; private set; } = "";
    public string? RegionalGroupReason { get; private set; }

    public DateOnly TermStart { get; private set; }

    /// <summary>The end the term was appointed for (excluded), three years after its start unless set shorter.</summary>
    public DateOnly TermEnd { get; private set; }

    /// <summary>1 for a first term, 2 for a renewal; there is no third.</summary>
    public int TermNumber { get; private set; }

    /// <summary>The first term this one renews, when it is a renewal.</summary>
    public Guid? RenewalOf { get; private set; }

    public DateTimeOffset AppointedAt { get; private set; }

    /// <summary>Set when the term was ended before its planned end: from this day on the person no longer serves.</summary>
    public DateOnly? EndedEarlyOn { get; private set; }
    public string? EndedEarlyReason { get; private set; }

    /// <summary>The first day the person no longer serves. Never before the start: a term ended before it began was never served.</summary>
    public DateOnly EffectiveEnd => EndedEarlyOn is { } ended ? (ended < TermStart ? TermStart : ended) : TermEnd;

    public bool IsServingOn(DateOnly date) => TermStart <= date && date < EffectiveEnd;

    /// <summary>Whether this term shares at least one day with [from, to).</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => TermStart < to && from < EffectiveEnd;

    /// <summary>A term counts towards the limit of two once it has at least one day: a cancelled future appointment does not.</summary>
    public bool CountsAsATerm => EffectiveEnd > TermStart;

    internal void EndEarly(DateOnly on, string reason, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Give the reason for ending the term early.");
        if (EndedEarlyOn is not null)
            throw new DomainException("This term has already been ended early.");
        if (on < today)
            throw new DomainException("A term cannot be ended on a date in the past.");
        if (on >= TermEnd)
            throw new DomainException("The early end must come before the planned end of the term.");
        EndedEarlyOn = on;
        EndedEarlyReason = reason.Trim();
    }
}
