using FluentValidation;
using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Board;

/// <summary>Designates the board's chairperson for a year; designating again for the same year replaces the choice.</summary>
public static class DesignateChairperson
{
    [Authorize(Roles.Admin)]
    public sealed record Command(int Year, Guid AppointmentId) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.AppointmentId).NotEmpty().WithMessage("Choose the chairperson.");
            RuleFor(x => x.Year).InclusiveBetween(2000, 2999).WithMessage("Enter the year as four digits.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var board = await BoardChanges.LoadLockedAsync(db, ct);
            if (board.Appointments.All(a => a.Id != command.AppointmentId)) throw new NotFoundException("appointment", command.AppointmentId);
            var designation = board.DesignateChair(command.Year, command.AppointmentId, BoardChanges.Today(clock), clock.GetUtcNow());
            if (designation is not null) db.ChairDesignations.Add(designation);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
