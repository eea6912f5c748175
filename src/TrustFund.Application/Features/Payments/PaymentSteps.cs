using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Payments;

/// <summary>A certifying officer (with two-factor authentication) certifies a requested payment.</summary>
public static class CertifyPayment
{
    public sealed record Command(Guid PaymentId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var officerId = await db.EnsureOfficerAsync(user, Roles.CertifyingOfficer, "Only a certifying officer can certify payments.", ct);
            var payment = await db.GrantPayments.SingleOrDefaultAsync(p => p.Id == command.PaymentId, ct)
                ?? throw new NotFoundException("payment", command.PaymentId);
            var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleAsync(g => g.Id == payment.GrantId, ct);
            payment.Certify(officerId, user.AsActor().Name, grant.OverdueReport, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>An approving officer (with two-factor authentication), neither the certifier nor the requester, approves a certified payment.</summary>
public static class ApprovePayment
{
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

/// <summary>
/// Records an approved payment as disbursed (value date, bank reference) and books it: the obligation liquidated,
/// the disbursement, and the PSC on it at the fund's rate. The grant's row lock serialises concurrent clicks, so the
/// second one finds the payment already disbursed and nothing is booked twice.
/// </summary>
public static class DisbursePayment
{
    public sealed record Command(Guid PaymentId, DateOnly ValueDate, string BankReference) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.ValueDate).NotEmpty().WithMessage("Enter the value date.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the transfer.").MaximumLength(100);
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            // Recording the transfer is finance work: either officer may do it, with two-factor authentication.
            var role = user.IsInRole(Roles.ApprovingOfficer) ? Roles.ApprovingOfficer : Roles.CertifyingOfficer;
            await db.EnsureOfficerAsync(user, role, "Only a certifying or approving officer can record a disbursement.", ct);
            var grantId = await db.GrantPayments.Where(p => p.Id == command.PaymentId).Select(p => (Guid?)p.GrantId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("payment", command.PaymentId);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockGrantAsync(grantId, ct);
            // Read after the lock: a click that waited sees what the first one committed.
            var payment = await db.GrantPayments.SingleAsync(p => p.Id == command.PaymentId, ct);
            var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleAsync(g => g.Id == grantId, ct);
            var balance = await db.GrantBalanceAsync(grantId, ct);
            var settings = await db.FundSettingsAsync(ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            payment.Disburse(command.ValueDate, command.BankReference, balance.OpenObligation, grant.OverdueReport, actor.Name, now);

            var document = grant.Document($"instalment {payment.InstalmentNumber} {payment.BankReference}");
            var amount = Money.InUsd(payment.Amount);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ObligationLiquidated, command.ValueDate, amount, 1, document, null, actor, now));
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.Disbursement, command.ValueDate, amount, 1, document, null, actor, now));
            var psc = Money.RoundToCents(payment.Amount * settings.PscRate);
            if (psc > 0)
                db.JournalEntries.Add(JournalEntry.Record(JournalEventType.PscCharge, command.ValueDate, Money.InUsd(psc), 1, document, null, actor, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>The payments still on their way, for the certifying and approving officers, each with why it is held if it is.</summary>
public static class ListPaymentQueue
{
    public sealed record Query(bool IncludeDisbursed = false) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, Guid GrantId, string GrantReference, string Grantee, int InstalmentNumber, decimal Amount,
        PaymentStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? CertifiedBy, string? ApprovedBy,
        DateOnly? ValueDate, string? BankReference, GrantReportKind? HeldByReport, DateOnly? HeldByReportDueOn);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var payments = db.GrantPayments.AsNoTracking();
            if (!query.IncludeDisbursed) payments = payments.Where(p => p.Status != PaymentStatus.Disbursed);
            var rows = await (from p in payments
                    join g in db.GrantAgreements on p.GrantId equals g.Id
                    orderby p.RequestedAt
                    select new { p, g.ReferenceNumber, g.Grantee })
                .Take(500).ToListAsync(ct);
            var grantIds = rows.Select(r => r.p.GrantId).Distinct().ToList();
            var overdue = (await db.GrantReports.AsNoTracking()
                    .Where(r => grantIds.Contains(r.GrantId) && r.Status == GrantReportStatus.Overdue).ToListAsync(ct))
                .GroupBy(r => r.GrantId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.DueOn).ThenBy(r => r.Kind).First());
            return rows.Select(r =>
            {
                var held = r.p.Status == PaymentStatus.Disbursed ? null : overdue.GetValueOrDefault(r.p.GrantId);
                return new Item(r.p.Id, r.p.GrantId, r.ReferenceNumber, r.Grantee, r.p.InstalmentNumber, r.p.Amount, r.p.Status,
                    r.p.RequestedBy, r.p.RequestedAt, r.p.CertifiedBy, r.p.ApprovedBy, r.p.ValueDate, r.p.BankReference,
                    held?.Kind, held?.DueOn);
            }).ToList();
        }
    }
}
