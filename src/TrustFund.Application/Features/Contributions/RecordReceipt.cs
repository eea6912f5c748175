using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Contributions;

/// <summary>
/// Records money deposited against a pledge: converted to USD at the UNORE rate in force on the value date (the rate
/// is stored with the receipt) and booked in the journal as ContributionReceived, in one transaction.
/// </summary>
public static class RecordReceipt
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid PledgeId, decimal Amount, string Currency, DateOnly ValueDate, string BankReference)
        : ICommand<Result>;

    public sealed record Result(Guid ReceiptId, decimal UnitsPerUsd, decimal UsdAmount);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The amount received must be more than zero.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Enter a currency as its ISO 4217 code, e.g. EUR.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the deposit.").MaximumLength(100);
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            // Two receipts recorded at once must not both fit into the same remaining pledge: take the pledge's row lock.
            await db.Database.ExecuteSqlAsync($"SELECT id FROM pledges WHERE id = {command.PledgeId} FOR UPDATE", ct);
            var pledge = await db.Pledges.Include(p => p.Receipts).SingleOrDefaultAsync(p => p.Id == command.PledgeId, ct)
                ?? throw new NotFoundException("pledge", command.PledgeId);

            var deposited = new Money(command.Amount, command.Currency);
            var rate = await db.UnoreRateAsync(deposited.Currency, command.ValueDate, ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            var receipt = pledge.Receive(deposited, command.ValueDate, command.BankReference, rate, actor, now);
            db.ContributionReceipts.Add(receipt);
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.ContributionReceived, receipt.ValueDate, deposited,
                receipt.UnitsPerUsd, receipt.Document, pledge.DonorId, actor, now));
            await db.SaveChangesAsync(ct);
            return new Result(receipt.Id, receipt.UnitsPerUsd, receipt.UsdAmount);
        }
    }
}
