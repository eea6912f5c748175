using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Contributions;

/// <summary>Records a donor's pledge, valued in USD at the UNORE rate in force on the pledge date.</summary>
public static class RecordPledge
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid DonorId, decimal Amount, string Currency, DateOnly PledgedOn, bool IsEarmarked,
        string? EarmarkPurpose) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).WithMessage("The pledged amount must be more than zero.")
                .Must(InputLimits.IsContributionAmount).WithMessage("Enter an amount of at most 1,000,000,000,000.00, in whole cents.");
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Enter a currency as its ISO 4217 code, e.g. EUR.");
            RuleFor(x => x.EarmarkPurpose).NotEmpty().When(x => x.IsEarmarked)
                .WithMessage("An earmarked pledge needs the purpose it is earmarked for.").AtMost(500, "Purpose of the earmark");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Donors.AnyAsync(d => d.Id == command.DonorId, ct)) throw new NotFoundException("donor", command.DonorId);
            var amount = new Money(command.Amount, command.Currency);
            var rate = await db.UnoreRateAsync(amount.Currency, command.PledgedOn, ct);
            var pledge = new Pledge(command.DonorId, amount, command.PledgedOn, rate, command.IsEarmarked, command.EarmarkPurpose,
                clock.GetUtcNow());
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync(ct);
            return pledge.Id;
        }
    }
}
