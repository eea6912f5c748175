namespace TrustFund.Domain.Board;

/// <summary>The chairperson of the board for one calendar year: one designation per year, replaced if designated again.</summary>
public sealed class ChairDesignation
{
    private ChairDesignation() { }

    internal ChairDesignation(int year, Guid appointmentId, DateTimeOffset now)
    {
        Year = year;
        AppointmentId = appointmentId;
        DesignatedAt = now;
    }

    public int Year { get; private set; }
    public Guid AppointmentId { get; private set; }
    public DateTimeOffset DesignatedAt { get; private set; }

    internal void Replace(Guid appointmentId, DateTimeOffset now)
    {
        AppointmentId = appointmentId;
        DesignatedAt = now;
    }
}
