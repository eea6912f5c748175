using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Journal;

/// <summary>Sets the fund's PSC rate and operating reserve, given in percent as people say them (13, not 0.13).</summary>
public static class ChangeFundSettings
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(decimal PscPercent, decimal OperatingReservePercent) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.PscPercent).InclusiveBetween(0, 100).WithMessage("The programme support cost rate must be between 0% and 100%.")
                .PrecisionScale(6, 2, true).WithMessage("Give percentages with at most two decimals.");
            RuleFor(x => x.OperatingReservePercent).InclusiveBetween(0, 100).WithMessage("The operating reserve must be between 0% and 100%.")
                .PrecisionScale(6, 2, true).WithMessage("Give percentages with at most two decimals.");
        }
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var settings = await db.FundSettings.SingleOrDefaultAsync(s => s.Id == FundSettings.TheFund, ct);
            if (settings is null)
                db.FundSettings.Add(new FundSettings(FundSettings.TheFund, command.PscPercent / 100, command.OperatingReservePercent / 100));
            else
                settings.Change(command.PscPercent / 100, command.OperatingReservePercent / 100);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
