using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// For the demo seed: appoints the account with this e-mail address for a three-year term from <c>TermStart</c>,
/// in the regional group of its nationality, unless that person already has an appointment. Running it twice
/// changes nothing, as every seed step must.
/// </summary>
public static class AppointTrusteeIfNotAppointed
{
    [Authorize(Roles.System)]
    public sealed record Command(string Email, string NationalityIso2, DateOnly TermStart) : ICommand<Result>;

    public sealed record Result(Guid AppointmentId, bool Appointed);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var personId = await db.Users.Where(u => u.NormalizedEmail == command.Email.ToUpperInvariant()).Select(u => (Guid?)u.Id)
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("user", command.Email);
            await TrusteeCheck.EnsureHoldsTrusteeRole(db, personId, ct);
            var country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Iso2 == command.NationalityIso2, ct)
                ?? throw new NotFoundException("country", command.NationalityIso2);

            var board = await BoardChanges.LoadLockedAsync(db, ct);
            var existing = board.Appointments.Where(a => a.TrusteeUserId == personId).MaxBy(a => a.TermStart);
            if (existing is not null) return new Result(existing.Id, Appointed: false);
            var appointment = board.Appoint(personId, country.Iso2, country.RegionalGroupCode, null, null, command.TermStart,
                null, clock.GetUtcNow());
            db.TrusteeAppointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            return new Result(appointment.Id, Appointed: true);
        }
    }
}
