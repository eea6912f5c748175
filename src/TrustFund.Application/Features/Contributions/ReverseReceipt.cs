using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Contributions;

/// <summary>
/// Corrects a receipt recorded in error: the receipt is marked reversed, and the journal books a Reversal cancelling
/// its entry in the same transaction (JournalPostings.ReverseContribution).
/// </summary>
public static class ReverseReceipt
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ReceiptId, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for the reversal.").AtMost(1000, "Reason for the reversal");
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var receipt = await db.ContributionReceipts.SingleOrDefaultAsync(r => r.Id == command.ReceiptId, ct)
                ?? throw new NotFoundException("receipt", command.ReceiptId);
            var entry = await db.JournalEntries.AsNoTracking().SingleAsync(j => j.DocumentType == ContributionReceipt.DocumentType &&
                j.DocumentId == receipt.Id && j.EventType == JournalEventType.ContributionReceived, ct);
            // Money allocated to grants must stay covered by money received: locked like an allocation, then checked.
            await db.LockPledgeAsync(receipt.PledgeId, ct);
            var pledge = db.Pledges.Where(p => p.Id == receipt.PledgeId);
            var allocated = (await db.AllocatedByPledgeAsync(pledge.Select(p => p.Id), ct)).GetValueOrDefault(receipt.PledgeId);
            if (allocated > 0)
                EarmarkAllocation.EnsureReceivedCovers((await db.ReceivedByPledgeAsync(pledge, ct)).GetValueOrDefault(receipt.PledgeId).Usd
                    - entry.UsdAmount, allocated);
            receipt.Reverse(command.Reason, user.AsActor(), clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
