using FluentValidation;
using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Identity;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The secretariat withdraws an application's ballot from a session, uncounted, with the reason (the applicant withdrew,
/// it was decided through another session, it was put on the agenda by mistake). The audit trail records the change
/// with the reason; the session page and the minutes say it was withdrawn and why.
/// </summary>
public static class WithdrawBallot
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid BallotId, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for withdrawing the ballot.")
                .MaximumLength(SessionBallot.MaxWithdrawalReasonLength).WithMessage("Keep the reason under 1,000 characters.");
    }

    public sealed class Handler(Data.TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var ballot = await BallotRows.LockAsync(db, command.BallotId, ct);
            ballot.Withdraw(command.Reason, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
