using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Validation;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>Records the grantee's refund of the unspent balance (journal: Refund), releases the open obligation and closes the grant.</summary>
public static class RecordGrantRefund
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId, decimal Amount, DateOnly ValueDate, string BankReference) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The amount received must be more than zero.");
            RuleFor(x => x.ValueDate).NotEmpty().WithMessage("Enter the value date.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the deposit.").AtMost(100, "Bank reference");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await db.LockGrantAsync(command.GrantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            // GrantRefundRecorded and GrantClosed: JournalPostings books the refund and releases the open obligation.
            grant.RecordRefund(command.Amount, command.ValueDate, command.BankReference, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
