using FluentValidation;
using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Board;

/// <summary>Ends a term before its planned end (resignation, incapacity, ...): from <c>EndOn</c> the seat is vacant.</summary>
public static class EndTrusteeTerm
{
    [Authorize(Roles.Admin)]
    public sealed record Command(Guid AppointmentId, DateOnly EndOn, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for ending the term early.")
                .MaximumLength(1000).WithMessage("Keep the reason under 1,000 characters.");
            RuleFor(x => x.EndOn).NotEmpty().WithMessage("Enter the day from which the person no longer serves.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var board = await BoardChanges.LoadLockedAsync(db, ct);
            if (board.Appointments.All(a => a.Id != command.AppointmentId)) throw new NotFoundException("appointment", command.AppointmentId);
            board.EndEarly(command.AppointmentId, command.EndOn, command.Reason, BoardChanges.Today(clock));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
