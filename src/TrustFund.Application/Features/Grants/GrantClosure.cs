using FluentValidation;
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
/// reported expenditure, asked back from the grantee. The reported expenditure is typed in from the final financial
/// report for now; when the report forms exist it will be read from the accepted report instead. With nothing to
/// refund, the open obligation is released and the grant closes at once.
/// </summary>
public static class StartGrantClosure
{
    public sealed record Command(Guid GrantId, decimal ReportedExpenditure) : ICommand<Result>;

    public sealed record Result(decimal Disbursed, decimal RefundDue, bool Closed);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.ReportedExpenditure).GreaterThanOrEqualTo(0).WithMessage("Reported expenditure cannot be negative.");
    }

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
            var refund = grant.StartClosure(command.ReportedExpenditure, balance.Disbursed, pending, now);
            if (grant.Status == GrantStatus.Closed) db.ReleaseOpenObligation(grant, balance, clock.Today(), user.AsActor(), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(balance.Disbursed, refund, grant.Status == GrantStatus.Closed);
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

/// <summary>Records the grantee's refund of the unspent balance (journal: Refund), releases the open obligation and closes the grant.</summary>
public static class RecordGrantRefund
{
    public sealed record Command(Guid GrantId, decimal Amount, DateOnly ValueDate, string BankReference) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The amount received must be more than zero.");
            RuleFor(x => x.ValueDate).NotEmpty().WithMessage("Enter the value date.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the deposit.").MaximumLength(100);
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockGrantAsync(command.GrantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            grant.RecordRefund(command.Amount, command.ValueDate, command.BankReference, now);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.Refund, command.ValueDate, Money.InUsd(command.Amount), 1,
                grant.Document("refund " + grant.RefundBankReference), null, actor, now));
            db.ReleaseOpenObligation(grant, await db.GrantBalanceAsync(grant.Id, ct), command.ValueDate, actor, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>
/// Obligations still open after their grant's end date, for the certifying officer's periodic review (FRR). The
/// scheduled-jobs work calls this monthly; the finance page shows it on demand.
/// </summary>
public static class ListUnliquidatedObligations
{
    public sealed record Query(DateOnly AsOf) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid GrantId, string ReferenceNumber, string Grantee, DateOnly EndDate, int DaysPastEnd,
        GrantStatus Status, decimal Obligated, decimal Liquidated, decimal OpenObligation);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var ended = db.GrantAgreements.AsNoTracking()
                .Where(g => g.Status != GrantStatus.Draft && g.Status != GrantStatus.Closed && g.EndDate < query.AsOf);
            var grants = await ended.OrderBy(g => g.EndDate).ToListAsync(ct);
            var balances = await db.GrantBalancesAsync(ended.Select(g => g.Id), ct);
            return grants
                .Select(g => (g, b: balances.GetValueOrDefault(g.Id) ?? GrantBalance.Zero))
                .Where(x => x.b.OpenObligation > 0)
                .Select(x => new Item(x.g.Id, x.g.ReferenceNumber, x.g.Grantee, x.g.EndDate, query.AsOf.DayNumber - x.g.EndDate.DayNumber,
                    x.g.Status, x.b.Obligated, x.b.Liquidated, x.b.OpenObligation))
                .ToList();
        }
    }
}
