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

/// <summary>Corrects a donor's name, kind, country or language; its pledges and receipts are untouched.</summary>
public static class EditDonor
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid Id, uint Version, string Name, DonorKind Kind, string? CountryIso2, string Language = "en") : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the donor's name.").AtMost(300, "Name");
            RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of donor.");
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var donor = await db.Donors.SingleOrDefaultAsync(d => d.Id == command.Id, ct) ?? throw new NotFoundException("donor", command.Id);
            // Saving over someone else's newer save is refused (the filter shows the conflict message).
            db.Entry(donor).Property<uint>("xmin").OriginalValue = command.Version;
            donor.Edit(command.Name, command.Kind, command.CountryIso2);
            donor.IssueDocumentsIn(command.Language);
            if (donor.CountryIso2 is { } country && !await db.Countries.AnyAsync(c => c.Iso2 == country, ct))
                throw new DomainException("Choose a country from the list.");
            if (await db.Donors.AnyAsync(d => d.Id != donor.Id && d.Name == donor.Name, ct))
                throw new DomainException("A donor with this name already exists.");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
