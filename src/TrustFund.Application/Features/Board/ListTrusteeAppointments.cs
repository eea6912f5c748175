using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// Every term ever appointed, newest first, with what an administrator may still do to it. The board changes a
/// few times in three years, so the whole history fits on one page.
/// </summary>
public static class ListTrusteeAppointments
{
    [Authorize(Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(DateOnly Today, IReadOnlyList<Item> Items, IReadOnlyDictionary<int, Guid> ChairsByYear);

    public sealed record Item(Guid Id, string Name, string Email, LocalizedText Nationality, string RegionalGroupCode,
        LocalizedText RegionalGroupName, string? RegionalGroupReason, DateOnly TermStart, DateOnly TermEnd, int TermNumber,
        DateOnly? EndedEarlyOn, string? EndedEarlyReason, TermStatus Status, bool CanRenew, bool CanEnd);

    public enum TermStatus { Upcoming, Serving, Ended }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var today = BoardChanges.Today(clock);
            var appointments = await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct);
            var chairs = await db.ChairDesignations.AsNoTracking().ToDictionaryAsync(c => c.Year, c => c.AppointmentId, ct);
            var groups = await db.RegionalGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
            var people = await TrusteeDirectory.NamesAndNationalities(db, appointments, ct);
            var renewed = appointments.Where(a => a.RenewalOf is not null).Select(a => a.RenewalOf!.Value).ToHashSet();

            var items = appointments.OrderByDescending(a => a.TermStart).ThenBy(a => a.RegionalGroupCode).Select(a =>
            {
                var status = a.TermStart > today ? TermStatus.Upcoming : a.IsServingOn(today) ? TermStatus.Serving : TermStatus.Ended;
                var canRenew = a.TermNumber < TrusteeAppointment.MaxTerms && a.EndedEarlyOn is null && a.EffectiveEnd > today &&
                               !renewed.Contains(a.Id);
                var canEnd = a.EndedEarlyOn is null && a.TermEnd > today;
                return new Item(a.Id, people.Names[a.TrusteeUserId], people.Emails[a.TrusteeUserId], people.Countries[a.NationalityIso2],
                    a.RegionalGroupCode, groups[a.RegionalGroupCode], a.RegionalGroupReason, a.TermStart, a.EffectiveEnd, a.TermNumber,
                    a.EndedEarlyOn, a.EndedEarlyReason, status, canRenew, canEnd);
            }).ToList();
            return new Result(today, items, chairs);
        }
    }
}
