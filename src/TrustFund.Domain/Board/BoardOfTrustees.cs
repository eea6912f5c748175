using TrustFund.Domain.Common;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Domain.Board;

/// <summary>
/// The Board of Trustees as a whole: five seats, one per UN regional group, each held for terms of three years,
/// renewable once, with a chairperson designated each year. The composition rules span every appointment, so
/// they live here rather than on one appointment. Load every appointment and designation (a few dozen rows over
/// the fund's life) and call one method per change.
/// </summary>
public sealed class BoardOfTrustees
{
    public const int Seats = 5;

    /// <summary>The five seats, in the order the UN lists its regional groups.</summary>
    public static readonly IReadOnlyList<string> SeatGroups =
    [
        RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanCaribbean, RegionalGroup.WesternEuropeanOthers,
    ];

    private readonly List<TrusteeAppointment> _appointments;
    private readonly List<ChairDesignation> _chairs;

    public BoardOfTrustees(IEnumerable<TrusteeAppointment> appointments, IEnumerable<ChairDesignation> chairs)
    {
        _appointments = appointments.ToList();
        _chairs = chairs.ToList();
    }

    public IReadOnlyList<TrusteeAppointment> Appointments => _appointments;
    public IReadOnlyList<ChairDesignation> Chairs => _chairs;

    public IReadOnlyList<TrusteeAppointment> ServingOn(DateOnly date) => _appointments.Where(a => a.IsServingOn(date)).ToList();

    /// <summary>The chairperson of a year, if one was designated and still serves on that date.</summary>
    public TrusteeAppointment? ChairOn(DateOnly date)
    {
        var designation = _chairs.SingleOrDefault(c => c.Year == date.Year);
        return designation is null ? null : _appointments.SingleOrDefault(a => a.Id == designation.AppointmentId && a.IsServingOn(date));
    }

    /// <summary>
    /// Appoints a person for a first (or, after an earlier term, a second) term.
    /// <paramref name="nationalityGroupCode"/> is the nationality's regional group (null for the few states in none);
    /// <paramref name="chosenGroupCode"/> overrides it, which needs a written reason.
    /// </summary>
    public TrusteeAppointment Appoint(Guid trusteeUserId, string nationalityIso2, string? nationalityGroupCode,
        string? chosenGroupCode, string? groupReason, DateOnly termStart, DateOnly? termEnd, DateTimeOffset now)
    {
        var group = string.IsNullOrWhiteSpace(chosenGroupCode) ? nationalityGroupCode : chosenGroupCode;
        if (group is null)
            throw new DomainException("This nationality belongs to no UN regional group: choose the group the trustee will represent and give the reason.");
        if (!SeatGroups.Contains(group))
            throw new DomainException("Choose one of the five UN regional groups.");
        string? reason = null;
        if (group != nationalityGroupCode)
        {
            if (string.IsNullOrWhiteSpace(groupReason))
                throw new DomainException("Give the reason for choosing a regional group other than the nationality's.");
            reason = groupReason.Trim();
        }
        return Place(trusteeUserId, nationalityIso2, group, reason, termStart, termEnd ?? termStart.AddYears(TrusteeAppointment.TermYears),
            renewalOf: null, now);
    }

    /// <summary>Renews a first term: the second term starts the day the first ends, for three years unless set shorter.</summary>
    public TrusteeAppointment Renew(Guid appointmentId, DateOnly? termEnd, DateOnly today, DateTimeOffset now)
    {
        var current = Find(appointmentId);
        if (current.TermNumber >= TrusteeAppointment.MaxTerms)
            throw new DomainException("A trustee may serve at most two terms: this would be a third.");
        if (_appointments.Any(a => a.RenewalOf == current.Id))
            throw new DomainException("This term has already been renewed.");
        if (current.EndedEarlyOn is not null)
            throw new DomainException("A term that was ended early cannot be renewed.");
        if (current.EffectiveEnd <= today)
            throw new DomainException("This term has already ended: appoint the person again instead of renewing.");
        var start = current.TermEnd;
        return Place(current.TrusteeUserId, current.NationalityIso2, current.RegionalGroupCode, current.RegionalGroupReason,
            start, termEnd ?? start.AddYears(TrusteeAppointment.TermYears), renewalOf: current.Id, now);
    }

    /// <summary>Ends a term before its planned end; from <paramref name="on"/> the person no longer serves.</summary>
    public void EndEarly(Guid appointmentId, DateOnly on, string reason, DateOnly today) => Find(appointmentId).EndEarly(on, reason, today);

    /// <summary>
    /// Designates the chairperson for <paramref name="year"/>; designating again replaces the earlier choice, so a
    /// year never has two. Returns the new designation to be saved, or null when an existing one was replaced.
    /// </summary>
    public ChairDesignation? DesignateChair(int year, Guid appointmentId, DateOnly today, DateTimeOffset now)
    {
        if (year < today.Year)
            throw new DomainException("A chairperson can be designated only for the current year or a coming one.");
        var appointment = Find(appointmentId);
        // For the current year the chair must serve today; for a coming year, on the day that year begins.
        var from = year == today.Year ? today : new DateOnly(year, 1, 1);
        if (!appointment.IsServingOn(from))
            throw new DomainException("The chairperson must be a serving trustee.");
        var existing = _chairs.SingleOrDefault(c => c.Year == year);
        if (existing is not null)
        {
            existing.Replace(appointmentId, now);
            return null;
        }
        var designation = new ChairDesignation(year, appointmentId, now);
        _chairs.Add(designation);
        return designation;
    }

    private TrusteeAppointment Place(Guid trusteeUserId, string nationalityIso2, string group, string? reason,
        DateOnly start, DateOnly end, Guid? renewalOf, DateTimeOffset now)
    {
        if (end <= start)
            throw new DomainException("The term must end after it starts.");
        if (end > start.AddYears(TrusteeAppointment.TermYears))
            throw new DomainException("A term lasts at most three years.");
        var ownTerms = _appointments.Where(a => a.TrusteeUserId == trusteeUserId).ToList();
        var termsServed = ownTerms.Count(a => a.CountsAsATerm);
        if (termsServed >= TrusteeAppointment.MaxTerms)
            throw new DomainException("A trustee may serve at most two terms: this would be a third.");
        if (ownTerms.Any(a => a.Overlaps(start, end)))
            throw new DomainException("This person already has a term during these dates.");
        if (MostServingAtOnce(start, end) >= Seats)
            throw new DomainException("The board already has five serving trustees during these dates: end a term or choose other dates first.");
        if (_appointments.Any(a => a.RegionalGroupCode == group && a.Overlaps(start, end)))
            throw new DomainException("A trustee from the same regional group is already serving during these dates: each regional group has one seat.");

        var appointment = new TrusteeAppointment(trusteeUserId, nationalityIso2, group, reason, start, end, termsServed + 1, renewalOf, now);
        _appointments.Add(appointment);
        return appointment;
    }

    /// <summary>The largest number of trustees serving on any one day of [from, to).</summary>
    private int MostServingAtOnce(DateOnly from, DateOnly to)
    {
        var overlapping = _appointments.Where(a => a.Overlaps(from, to)).ToList();
        // The count only rises on a day some term starts, so those days (and the first) are the only ones to check.
        var days = overlapping.Select(a => a.TermStart).Where(d => d > from).Append(from);
        return days.Max(day => overlapping.Count(a => a.IsServingOn(day)));
    }

    private TrusteeAppointment Find(Guid appointmentId) =>
        _appointments.SingleOrDefault(a => a.Id == appointmentId) ?? throw new DomainException("This appointment does not exist.");
}
