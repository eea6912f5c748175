using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Organisations;

/// <summary>The organisation's administrator keeps its profile up to date; new applications start from it.</summary>
public static class UpdateMyOrganisation
{
    public sealed record Command(uint Version, OrganisationProfileForm Form) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Form.LegalName).NotEmpty().WithMessage("Enter the organisation's legal name.").MaximumLength(300);
            RuleFor(x => x.Form.CountryIso2).NotEmpty().WithMessage("Choose the country where the organisation is registered.");
            RuleFor(x => x.Form.YearsOfDirectAssistance).InclusiveBetween(0, 200).WithMessage("Enter a number of years between 0 and 200.");
            RuleFor(x => x.Form.ContactEmail).EmailAddress().WithMessage("Enter a valid e-mail address.")
                .When(x => !string.IsNullOrWhiteSpace(x.Form.ContactEmail));
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, IdentityLookup identity) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new NotFoundException("organisation", "of this user");
            if (!await identity.IsOrganisationAdmin(ct))
                throw new DomainException("Only your organisation's administrator can change its profile.");
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, ct);
            db.Entry(organisation).Property("xmin").OriginalValue = command.Version;
            organisation.UpdateProfile(command.Form.LegalName, command.Form.CountryIso2, command.Form.ToProfile());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
