using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Contributions;

public static class CreateDonor
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(string Name, DonorKind Kind, string? CountryIso2, string Language = "en") : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the donor's name.").AtMost(300, "Name");
            RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of donor.");
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var donor = new Donor(command.Name, command.Kind, command.CountryIso2);
            donor.IssueDocumentsIn(command.Language);
            if (donor.CountryIso2 is { } country && !await db.Countries.AnyAsync(c => c.Iso2 == country, ct))
                throw new DomainException("Choose a country from the list.");
            if (await db.Donors.AnyAsync(d => d.Name == donor.Name, ct))
                throw new DomainException("A donor with this name already exists.");
            db.Donors.Add(donor);
            await db.SaveChangesAsync(ct);
            return donor.Id;
        }
    }
}
