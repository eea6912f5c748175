using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Starts a grant's closure once its final reports are accepted: unspent balance = disbursed (from the journal) −
/// the expenditure reported in the accepted final financial report (the total of its lines), asked back from the
/// grantee. With nothing to refund, the open obligation is released and the grant closes at once.
/// </summary>
public static class StartGrantClosure
{
    public sealed record Command(Guid GrantId) : ICommand<Result>;

    public sealed record Result(decimal ReportedExpenditure, decimal Disbursed, decimal RefundDue, bool Closed);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockGrantAsync(command.GrantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            var balance = await db.GrantBalanceAsync(grant.Id, ct);
            var pending = await db.GrantPayments.AnyAsync(p => p.GrantId == grant.Id && p.Status != PaymentStatus.Disbursed, ct);
            var now = clock.GetUtcNow();
            var refund = grant.StartClosure(balance.Disbursed, pending, now);
            if (grant.Status == GrantStatus.Closed) db.ReleaseOpenObligation(grant, balance, clock.Today(), user.AsActor(), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(grant.ReportedExpenditure!.Value, balance.Disbursed, refund, grant.Status == GrantStatus.Closed);
        }
    }

    /// <summary>Closing a grant releases what is still obligated and was never paid.</summary>
    internal static void ReleaseOpenObligation(this TrustFundDbContext db, GrantAgreement grant, GrantBalance balance, DateOnly on,
        Actor actor, DateTimeOffset now)
    {
        if (balance.OpenObligation > 0)
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ObligationReleased, on, Money.InUsd(balance.OpenObligation), 1,
                grant.Document("closure"), null, actor, now));
    }
}
