using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Board;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// Loads the whole board for a change to its composition. The rules (five seats, one per regional group, two terms)
/// span every appointment, so two administrators appointing at the same moment could each pass them alone and
/// break them together: a transaction-scoped advisory lock makes board changes take turns.
/// </summary>
internal static class BoardChanges
{
    private const long BoardLock = 0x5472_7573_7465_6573; // "Trustees"

    /// <summary>Takes the board's lock for the rest of the command's transaction (the pipeline's), then loads the board.</summary>
    public static async Task<BoardOfTrustees> LoadLockedAsync(TrustFundDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BoardLock})", ct);
        var appointments = await db.TrusteeAppointments.ToListAsync(ct);
        var chairs = await db.ChairDesignations.ToListAsync(ct);
        return new BoardOfTrustees(appointments, chairs);
    }

    /// <summary>
    /// The board's calendar day. Terms are whole days; we take the day in UTC, which is also Vienna's (the
    /// secretariat's) for all but one or two hours of the night.
    /// </summary>
    public static DateOnly Today(TimeProvider clock) => Domain.Common.FundCalendar.Today(clock);
}
