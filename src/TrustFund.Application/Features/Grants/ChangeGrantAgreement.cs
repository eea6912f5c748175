using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Edits a draft agreement, or amends a signed one (amount, period, budget reallocation, schedule) with a reason. An
/// amendment is numbered and passes the same checks as the draft; raising the amount raises the obligation after the
/// same availability check as signing (under the same lock), lowering it releases the difference (both booked by
/// JournalPostings.BookAmendment in the same transaction).
/// The form sends the version of the agreement it was loaded with: the save is refused as an edit conflict when
/// someone else changed the agreement since, and only then (reports added back by the schedule are new rows, not edits).
/// </summary>
public static class ChangeGrantAgreement
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId, decimal Amount, DateOnly StartDate, DateOnly EndDate,
        IReadOnlyList<GrantBudgetLine> Budget, IReadOnlyList<Instalment> Instalments, string? Reason, uint? Version = null) : ICommand<Result>;

    /// <summary>Amended: the agreement was signed, so the change is a numbered amendment.</summary>
    public sealed record Result(bool Amended);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The grant amount must be more than zero.");
            RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).WithMessage("The grant must end after it starts.");
            RuleFor(x => x.Reason).AtMost(1000, "Reason for the amendment");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await db.LockFundAvailabilityAsync(ct);
            await db.LockGrantAsync(command.GrantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            if (command.Version is { } loaded) db.Entry(grant).Property("xmin").OriginalValue = loaded;
            var requested = await db.GrantPayments.Where(p => p.GrantId == grant.Id).Select(p => p.Amount).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();

            var delta = grant.Change(command.Amount, command.StartDate, command.EndDate, command.Budget, command.Instalments,
                command.Reason, requested.Count, requested.Sum(), now, actor.Name);
            // The checks are the command's; the booking of the change is GrantAmountAmended's handler (JournalPostings).
            if (grant.IsSigned && delta > 0) await db.EnsureAvailableAsync(delta, ct);
            if (grant.IsSigned && delta < 0) EarmarkAllocation.EnsureGrantCovers(grant.Amount, await db.AllocatedToGrantAsync(grant.Id, ct));
            // A schedule amendment may make a further instalment due at once (e.g. one now paid on signature).
            if (grant.IsSigned) await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            await db.SaveChangesAsync(ct);
            return new Result(grant.IsSigned);
        }
    }
}
