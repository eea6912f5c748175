using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Payments;

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

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user, Notifier notifier) : ICommandHandler<Command, Unit>
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
            await notifier.TellPaymentDisbursedAsync(db, grant, payment, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Unit.Value;
        }
    }
}
