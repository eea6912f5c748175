using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// The board as it stands today: the five seats by regional group with who holds each (or a vacancy) and who
/// follows, terms ending soon, the year's chairperson and the fund manager(s) sitting ex officio without a vote.
/// </summary>
public static class GetBoard
{
    /// <summary>DOMAIN.md section 6: the system warns 90 days before a term ends.</summary>
    public const int EndingSoonDays = 90;

    [Authorize(Roles.Trustee, Roles.FundManager, Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(DateOnly Today, IReadOnlyList<Seat> Seats, Member? Chair, IReadOnlyList<string> FundManagers)
    {
        public int Vacancies => Seats.Count(s => s.Holder is null);
    }

    public sealed record Seat(string RegionalGroupCode, LocalizedText RegionalGroupName, Member? Holder, Member? Next);

    public sealed record Member(Guid AppointmentId, Guid TrusteeUserId, string Name, LocalizedText Nationality,
        string? RegionalGroupReason, DateOnly TermStart, DateOnly TermEnd, int TermNumber, bool IsChair, int DaysLeft, bool EndingSoon);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var today = BoardChanges.Today(clock);
            var board = new BoardOfTrustees(
                await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct),
                await db.ChairDesignations.AsNoTracking().Where(c => c.Year == today.Year).ToListAsync(ct));
            var groups = await db.RegionalGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
            var people = await TrusteeDirectory.NamesAndNationalities(db, board.Appointments, ct);
            var chair = board.ChairOn(today);

            Member ToMember(TrusteeAppointment a)
            {
                var daysLeft = a.EffectiveEnd.DayNumber - today.DayNumber;
                return new Member(a.Id, a.TrusteeUserId, people.Names[a.TrusteeUserId], people.Countries[a.NationalityIso2],
                    a.RegionalGroupReason, a.TermStart, a.EffectiveEnd, a.TermNumber, a.Id == chair?.Id, daysLeft,
                    a.IsServingOn(today) && daysLeft <= EndingSoonDays);
            }

            var seats = BoardOfTrustees.SeatGroups.Select(code =>
            {
                var inSeat = board.Appointments.Where(a => a.RegionalGroupCode == code).ToList();
                var holder = inSeat.SingleOrDefault(a => a.IsServingOn(today));
                var next = inSeat.Where(a => a.TermStart > today && a.CountsAsATerm).MinBy(a => a.TermStart);
                return new Seat(code, groups[code], holder is null ? null : ToMember(holder), next is null ? null : ToMember(next));
            }).ToList();

            var fundManagers = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FundManager)))
                .OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(ct);

            return new Result(today, seats, chair is null ? null : ToMember(chair), fundManagers);
        }
    }
}

/// <summary>The names and nationalities the board's lists show, fetched in two queries whatever the number of terms.</summary>
internal static class TrusteeDirectory
{
    public sealed record Lookup(IReadOnlyDictionary<Guid, string> Names, IReadOnlyDictionary<Guid, string> Emails,
        IReadOnlyDictionary<string, LocalizedText> Countries);

    public static async Task<Lookup> NamesAndNationalities(TrustFundDbContext db, IEnumerable<TrusteeAppointment> appointments,
        CancellationToken ct)
    {
        var list = appointments.ToList();
        var userIds = list.Select(a => a.TrusteeUserId).Distinct().ToList();
        var isoCodes = list.Select(a => a.NationalityIso2).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var countries = await db.Countries.AsNoTracking().Where(c => isoCodes.Contains(c.Iso2))
            .Select(c => new { c.Iso2, c.Name }).ToListAsync(ct);
        return new Lookup(users.ToDictionary(u => u.Id, u => u.DisplayName), users.ToDictionary(u => u.Id, u => u.Email ?? ""),
            countries.ToDictionary(c => c.Iso2, c => c.Name));
    }
}
