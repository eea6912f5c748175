using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Payments;

/// <summary>An approving officer (with two-factor authentication), neither the certifier nor the requester, approves a certified payment.</summary>
public static class ApprovePayment
{
    [Authorize(Roles.ApprovingOfficer)]
    public sealed record Command(Guid PaymentId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var officerId = await db.EnsureOfficerAsync(user, Roles.ApprovingOfficer, "Only an approving officer can approve payments.", ct);
            var payment = await db.GrantPayments.SingleOrDefaultAsync(p => p.Id == command.PaymentId, ct)
                ?? throw new NotFoundException("payment", command.PaymentId);
            var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleAsync(g => g.Id == payment.GrantId, ct);
            payment.Approve(officerId, user.AsActor().Name, grant.OverdueReport, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
