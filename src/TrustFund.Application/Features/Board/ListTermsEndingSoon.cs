using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// Serving terms that end within the coming <c>WithinDays</c> days (90 by default: DOMAIN.md section 10 warns 90
/// days before a trustee's term ends). A term ending today is no longer serving and is not listed; one ending on
/// the 90th day is. <c>SeatCovered</c> says whether a renewal or successor already holds the seat from that day, so
/// the reminder job can tell "renew or replace" from "for information".
/// </summary>
public static class ListTermsEndingSoon
{
    [Authorize(Roles.System)]
    public sealed record Query(int WithinDays = GetBoard.EndingSoonDays) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid AppointmentId, Guid TrusteeUserId, string Name, string Email, string PreferredLanguage,
        string RegionalGroupCode, int TermNumber, DateOnly Ends, int DaysLeft, bool SeatCovered);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var today = BoardChanges.Today(clock);
            var horizon = today.AddDays(query.WithinDays);
            // An early end only ever shortens a term, so a term whose planned end has passed cannot be serving.
            var candidates = await db.TrusteeAppointments.AsNoTracking()
                .Where(a => a.TermStart <= today && a.TermEnd > today).ToListAsync(ct);
            var ending = candidates.Where(a => a.IsServingOn(today) && a.EffectiveEnd <= horizon).ToList();
            if (ending.Count == 0) return [];

            var groups = ending.Select(a => a.RegionalGroupCode).Distinct().ToList();
            var sameSeats = await db.TrusteeAppointments.AsNoTracking().Where(a => groups.Contains(a.RegionalGroupCode)).ToListAsync(ct);
            var userIds = ending.Select(a => a.TrusteeUserId).ToList();
            var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Email, u.PreferredLanguage }, ct);

            return ending.OrderBy(a => a.EffectiveEnd).Select(a =>
            {
                var person = people[a.TrusteeUserId];
                var covered = sameSeats.Any(other => other.Id != a.Id && other.RegionalGroupCode == a.RegionalGroupCode &&
                                                     other.IsServingOn(a.EffectiveEnd));
                return new Item(a.Id, a.TrusteeUserId, person.DisplayName, person.Email ?? "", person.PreferredLanguage,
                    a.RegionalGroupCode, a.TermNumber, a.EffectiveEnd, a.EffectiveEnd.DayNumber - today.DayNumber, covered);
            }).ToList();
        }
    }
}
