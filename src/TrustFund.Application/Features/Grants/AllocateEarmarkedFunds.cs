using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Charges a signed grant to money received against an earmarked pledge, so the donor's statement can show what its
/// earmarked money funded. Grant and pledge rows are locked (in that order) for the check and the insert: two
/// allocations racing for a pledge's last dollars, or for the last unfunded part of a grant, are served one after the
/// other and the second is refused. No journal entry: see <see cref="EarmarkAllocation"/>.
/// </summary>
public static class AllocateEarmarkedFunds
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId, Guid PledgeId, decimal UsdAmount) : ICommand<Result>;

    public sealed record Result(Guid AllocationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.PledgeId).NotEmpty().WithMessage("Choose an earmarked contribution.");
            RuleFor(x => x.UsdAmount).GreaterThan(0).WithMessage("The amount allocated must be more than zero.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await db.LockGrantAsync(command.GrantId, ct);
            await db.LockPledgeAsync(command.PledgeId, ct);
            var grant = await db.GrantAgreements.AsNoTracking().SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            var pledges = db.Pledges.AsNoTracking().Where(p => p.Id == command.PledgeId);
            var pledge = await pledges.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("pledge", command.PledgeId);
            var received = (await db.ReceivedByPledgeAsync(pledges, ct)).GetValueOrDefault(pledge.Id).Usd;
            var allocated = (await db.AllocatedByPledgeAsync(pledges.Select(p => p.Id), ct)).GetValueOrDefault(pledge.Id);
            var allocation = EarmarkAllocation.Allocate(pledge, received, allocated, grant, await db.AllocatedToGrantAsync(grant.Id, ct),
                command.UsdAmount, user.AsActor(), clock.GetUtcNow());
            db.EarmarkAllocations.Add(allocation);
            await db.SaveChangesAsync(ct);
            return new Result(allocation.Id);
        }
    }
}
