using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Contributions;

/// <summary>Gives an account with the Donor role read access to one donor's contributions.</summary>
public static class LinkDonorUser
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid DonorId, string Email) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the e-mail address of the donor's account.");
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Donors.AnyAsync(d => d.Id == command.DonorId, ct)) throw new NotFoundException("donor", command.DonorId);
            var email = command.Email.Trim().ToUpperInvariant();
            var account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, ct)
                ?? throw new DomainException("No account has this e-mail address.");
            var isDonor = await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == account.Id && r.Name == Roles.Donor
                select ur).AnyAsync(ct);
            if (!isDonor) throw new DomainException("This account does not have the Donor role: ask an administrator to give it first.");
            account.DonorId = command.DonorId;
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
