using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Payments;

/// <summary>
/// Records an approved payment as disbursed (value date, bank reference); the payment raises PaymentDisbursed, which
/// <see cref="Finance.JournalPostings.BookDisbursement"/> books and <see cref="GranteeMoneyNotice.TellPaymentDisbursed"/> tells
/// the grantee of, in the same transaction. The grant's row lock serialises concurrent clicks, so
/// the second one finds the payment already disbursed and nothing is booked twice.
/// </summary>
public static class DisbursePayment
{
    [Authorize(Roles.CertifyingOfficer, Roles.ApprovingOfficer)]
    public sealed record Command(Guid PaymentId, DateOnly ValueDate, string BankReference) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.ValueDate).NotEmpty().WithMessage("Enter the value date.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the transfer.").AtMost(100, "Bank reference");
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

            await db.LockGrantAsync(grantId, ct);
            // Read after the lock: a click that waited sees what the first one committed.
            var payment = await db.GrantPayments.SingleAsync(p => p.Id == command.PaymentId, ct);
            // Tracked, unchanged: the journal's and the notice's event handlers find it here instead of reading it again.
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleAsync(g => g.Id == grantId, ct);
            var balance = await db.GrantBalanceAsync(grantId, ct);
            payment.Disburse(command.ValueDate, command.BankReference, balance.OpenObligation, grant.OverdueReport, user.AsActor().Name, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
