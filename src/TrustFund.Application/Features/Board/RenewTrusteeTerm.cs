using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Board;

/// <summary>Renews a trustee's first term: the second starts the day the first ends. A third term is refused.</summary>
public static class RenewTrusteeTerm
{
    [Authorize(Roles.Admin)]
    public sealed record Command(Guid AppointmentId, DateOnly? TermEnd = null) : ICommand<Result>;

    public sealed record Result(Guid AppointmentId);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var board = await BoardChanges.LoadLockedAsync(db, ct);
            if (board.Appointments.All(a => a.Id != command.AppointmentId)) throw new NotFoundException("appointment", command.AppointmentId);
            var renewal = board.Renew(command.AppointmentId, command.TermEnd, BoardChanges.Today(clock), clock.GetUtcNow());
            db.TrusteeAppointments.Add(renewal);
            await db.SaveChangesAsync(ct);
            return new Result(renewal.Id);
        }
    }
}
