using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Starts a grant's closure once its final reports are accepted: unspent balance = disbursed (from the journal) −
/// the expenditure reported in the accepted final financial report (the total of its lines), asked back from the
/// grantee. With nothing to refund, the open obligation is released and the grant closes at once.
/// </summary>
public static class StartGrantClosure
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId) : ICommand<Result>;

    public sealed record Result(decimal ReportedExpenditure, decimal Disbursed, decimal RefundDue, bool Closed);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await db.LockGrantAsync(command.GrantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            var balance = await db.GrantBalanceAsync(grant.Id, ct);
            var pending = await db.GrantPayments.AnyAsync(p => p.GrantId == grant.Id && p.Status != PaymentStatus.Disbursed, ct);
            var now = clock.GetUtcNow();
            // A grant with nothing to refund closes at once (GrantClosed: JournalPostings releases the open obligation).
            var refund = grant.StartClosure(balance.Disbursed, pending, now);
            await db.SaveChangesAsync(ct);
            return new Result(grant.ReportedExpenditure!.Value, balance.Disbursed, refund, grant.Status == GrantStatus.Closed);
        }
    }
}
