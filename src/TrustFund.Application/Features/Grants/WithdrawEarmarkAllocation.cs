using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Validation;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Withdraws an allocation of earmarked money to a grant, keeping the row with who, when and why: statements issued
/// before still read the same, and statements for later periods no longer list it.
/// </summary>
public static class WithdrawEarmarkAllocation
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId, Guid AllocationId, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for withdrawing the allocation.").AtMost(1000, "Reason for the withdrawal");
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var allocation = await db.EarmarkAllocations
                .SingleOrDefaultAsync(a => a.Id == command.AllocationId && a.GrantId == command.GrantId, ct)
                ?? throw new NotFoundException("earmark allocation", command.AllocationId);
            allocation.Withdraw(command.Reason, user.AsActor(), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
