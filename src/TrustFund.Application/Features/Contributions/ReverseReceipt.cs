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

namespace TrustFund.Application.Features.Contributions;

/// <summary>
/// Corrects a receipt recorded in error: the receipt is marked reversed and a Reversal entry cancelling its journal
/// entry is booked, dated today so that books already reported on stay as they were reported.
/// </summary>
public static class ReverseReceipt
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ReceiptId, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for the reversal.").MaximumLength(1000);
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
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            receipt.Reverse(command.Reason, actor, now);
            db.JournalEntries.Add(entry.Reverse(command.Reason, Domain.Common.FundCalendar.DateOf(now), actor, now));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
