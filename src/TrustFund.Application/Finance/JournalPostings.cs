using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Events;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Finance;

/// <summary>
/// The journal's side of what happens to contributions and grants, in one place: each handler books the entries of one domain event, in
/// the transaction of the command that raised it (TransactionBehaviour), so a change and its entries commit together.
/// </summary>
public static class JournalPostings
{
    /// <summary>A signed agreement obligates its amount.</summary>
    public sealed class BookObligation(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<GrantAgreementSigned>
    {
        protected override async Task HandleAsync(GrantAgreementSigned signed, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(signed.GrantId, ct);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ObligationRaised, clock.Today(), Money.InUsd(signed.Amount), 1,
                grant.Document(), null, user.AsActor(), clock.GetUtcNow()));
        }
    }

    /// <summary>Money received from a donor, in the currency deposited, at the UNORE rate the receipt was converted at.</summary>
    public sealed class BookContribution(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<ContributionReceived>
    {
        protected override Task HandleAsync(ContributionReceived received, CancellationToken ct)
        {
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ContributionReceived, received.ValueDate, received.Deposited,
                received.UnitsPerUsd, received.Document, received.DonorId, user.AsActor(), clock.GetUtcNow()));
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A reversed receipt cancels its entry by a Reversal dated the day of the reversal, so books already reported on
    /// stay as they were reported.
    /// </summary>
    public sealed class ReverseContribution(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<ContributionReceiptReversed>
    {
        protected override async Task HandleAsync(ContributionReceiptReversed reversed, CancellationToken ct)
        {
            var entry = await db.JournalEntries.AsNoTracking().SingleAsync(j => j.DocumentType == ContributionReceipt.DocumentType &&
                j.DocumentId == reversed.ReceiptId && j.EventType == JournalEventType.ContributionReceived, ct);
            db.JournalEntries.Add(entry.Reverse(reversed.Reason, reversed.On, user.AsActor(), clock.GetUtcNow()));
        }
    }

    /// <summary>An amended amount raises the obligation by the rise, or releases the cut.</summary>
    public sealed class BookAmendment(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<GrantAmountAmended>
    {
        protected override async Task HandleAsync(GrantAmountAmended amended, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(amended.GrantId, ct);
            var type = amended.AmountChange > 0 ? JournalEventType.ObligationRaised : JournalEventType.ObligationReleased;
            db.JournalEntries.Add(JournalEntry.Record(type, amended.On, Money.InUsd(Math.Abs(amended.AmountChange)), 1,
                grant.Document("amendment " + amended.AmendmentNumber), null, user.AsActor(), clock.GetUtcNow()));
        }
    }

    /// <summary>A disbursement liquidates the obligation, moves the money out, and charges PSC on it at the fund's rate.</summary>
    public sealed class BookDisbursement(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<PaymentDisbursed>
    {
        protected override async Task HandleAsync(PaymentDisbursed disbursed, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(disbursed.GrantId, ct);
            var settings = await db.FundSettingsAsync(ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            var document = grant.Document($"instalment {disbursed.InstalmentNumber} {disbursed.BankReference}");
            var amount = Money.InUsd(disbursed.Amount);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ObligationLiquidated, disbursed.ValueDate, amount, 1, document, null, actor, now));
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.Disbursement, disbursed.ValueDate, amount, 1, document, null, actor, now));
            var psc = Money.RoundToCents(disbursed.Amount * settings.PscRate);
            if (psc > 0)
                db.JournalEntries.Add(JournalEntry.Record(JournalEventType.PscCharge, disbursed.ValueDate, Money.InUsd(psc), 1, document, null, actor, now));
        }
    }

    /// <summary>The grantee's refund of the unspent balance comes back into the fund.</summary>
    public sealed class BookRefund(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<GrantRefundRecorded>
    {
        protected override async Task HandleAsync(GrantRefundRecorded refund, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(refund.GrantId, ct);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.Refund, refund.ValueDate, Money.InUsd(refund.Amount), 1,
                grant.Document("refund " + refund.BankReference), null, user.AsActor(), clock.GetUtcNow()));
        }
    }

    /// <summary>Closing a grant releases what is still obligated and was never paid.</summary>
    public sealed class ReleaseOpenObligation(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : DomainEventHandler<GrantClosed>
    {
        protected override async Task HandleAsync(GrantClosed closed, CancellationToken ct)
        {
            var balance = await db.GrantBalanceAsync(closed.GrantId, ct);
            if (balance.OpenObligation <= 0) return;
            var grant = await db.GrantAsChangedAsync(closed.GrantId, ct);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ObligationReleased, closed.On, Money.InUsd(balance.OpenObligation), 1,
                grant.Document("closure"), null, user.AsActor(), clock.GetUtcNow()));
        }
    }
}
