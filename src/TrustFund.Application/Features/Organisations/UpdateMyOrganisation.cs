using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Organisations;

/// <summary>The organisation's administrator keeps its profile up to date; new applications start from it.</summary>
public static class UpdateMyOrganisation
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(uint Version, OrganisationProfileForm Form) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        // Property names are the page's field names (Form.LegalName), so that each message shows next to its field.
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Form.LegalName).NotEmpty().WithMessage("Enter the organisation's legal name.")
                .AtMost(300, "Legal name of the organisation");
            RuleFor(x => x.Form.CountryIso2).NotEmpty().WithMessage("Choose the country where the organisation is registered.");
            RuleFor(x => x.Form.YearsOfDirectAssistance).InclusiveBetween(0, 200).WithMessage("Enter a number of years between 0 and 200.");
            RuleFor(x => x.Form.RegistrationDate).Must(InputLimits.IsInDateWindow).WithMessage("Enter a date between 1 January 1900 and 31 December 2100.")
                .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date of registration cannot be in the future.");
            RuleFor(x => x.Form.ContactEmail).EmailAddress().WithMessage("Enter a valid e-mail address.")
                .When(x => !string.IsNullOrWhiteSpace(x.Form.ContactEmail));
            RuleFor(x => x.Form.RegistrationNumber).AtMost(200, "Registration number");
            RuleFor(x => x.Form.UnppPartnerId).AtMost(200, "UN Partner Portal (UNPP) Partner ID");
            RuleFor(x => x.Form.BankName).AtMost(200, "Bank name");
            RuleFor(x => x.Form.ContactName).AtMost(200, "Contact person");
            RuleFor(x => x.Form.ContactEmail).AtMost(200, "Contact e-mail address");
            RuleFor(x => x.Form.ContactPhone).AtMost(200, "Telephone");
            RuleFor(x => x.Form.Address).AtMost(1000, "Address");
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, IdentityLookup identity) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            (await new ReferenceCodeCheck(db).Country(command.Form.CountryIso2, "Form.CountryIso2", ct)).ThrowIfAnyUnknown();
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
