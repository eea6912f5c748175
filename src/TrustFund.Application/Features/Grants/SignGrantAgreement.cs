using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Signs the agreement and raises the obligation for the grant amount, after checking the fund can cover it and its
/// PSC. The check and the booking run under one fund-wide lock, so officers signing at the same instant are served one
/// after the other and the last dollars go to exactly one of them. The first instalment becomes a payment request.
/// </summary>
public static class SignGrantAgreement
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await db.LockFundAvailabilityAsync(ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            await db.EnsureAvailableAsync(grant.Amount, ct);
            grant.Sign(now, actor.Name); // GrantAgreementSigned: JournalPostings books the obligation, GranteeMoneyNotice tells the grantee
            await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            return Unit.Value;
        }
    }
}
