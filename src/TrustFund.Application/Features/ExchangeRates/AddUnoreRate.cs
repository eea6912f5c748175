using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.ExchangeRates;

/// <summary>Enters one UNORE rate by hand: a month's rate (from the 1st) or a mid-month revision (from a later day).</summary>
public static class AddUnoreRate
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(string Currency, DateOnly EffectiveFrom, decimal UnitsPerUsd) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Enter a currency as its ISO 4217 code, e.g. EUR.");
            RuleFor(x => x.UnitsPerUsd).GreaterThan(0).WithMessage("A rate must be more than zero.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var rate = new UnoreRate(command.Currency, command.EffectiveFrom, command.UnitsPerUsd, UnoreRateSource.EnteredByHand,
                clock.GetUtcNow());
            if (await db.UnoreRates.AnyAsync(r => r.Currency == rate.Currency && r.EffectiveFrom == rate.EffectiveFrom, ct))
                throw new DomainException("A rate for this currency already starts on this date: a revision starts on a later day.");
            db.UnoreRates.Add(rate);
            await db.SaveChangesAsync(ct);
            return rate.Id;
        }
    }
}
