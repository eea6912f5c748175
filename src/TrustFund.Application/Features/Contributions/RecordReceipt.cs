using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Contributions;

/// <summary>
/// Records money deposited against a pledge: converted to USD at the UNORE rate in force on the value date (the rate
/// is stored with the receipt). The receipt raises ContributionReceived, which the journal books in the same
/// transaction (JournalPostings).
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
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The amount received must be more than zero.")
                .Must(InputLimits.IsContributionAmount).WithMessage("Enter an amount of at most 1,000,000,000,000.00, in whole cents.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Enter a currency as its ISO 4217 code, e.g. EUR.");
            // An empty date box is default(DateOnly): refused here rather than looked up as a rate of the year 1.
            RuleFor(x => x.ValueDate).NotEmpty().WithMessage("Enter the value date.");
            RuleFor(x => x.BankReference).NotEmpty().WithMessage("Enter the bank reference of the deposit.").AtMost(100, "Bank reference");
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
            var receipt = pledge.Receive(deposited, command.ValueDate, command.BankReference, rate, user.AsActor(), clock.GetUtcNow());
            db.ContributionReceipts.Add(receipt);
            return new Result(receipt.Id, receipt.UnitsPerUsd, receipt.UsdAmount);
        }
    }
}
