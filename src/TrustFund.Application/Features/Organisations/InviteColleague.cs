using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Features.Account;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Organisations;

/// <summary>
/// The organisation's administrator invites a colleague: an account of the same organisation is created and the
/// colleague chooses a password through an e-mailed link (which also proves the address is theirs).
/// </summary>
public static class InviteColleague
{
    public sealed record Command(string Email, string DisplayName, string Language) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an e-mail address.").EmailAddress().WithMessage("Enter a valid e-mail address.");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(200);
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, ICurrentUser user, IdentityLookup identity, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new DomainException("Only users of a registered organisation can apply.");
            if (!await identity.IsOrganisationAdmin(ct))
                throw new DomainException("Only your organisation's administrator can invite colleagues.");
            if (await users.FindByEmailAsync(command.Email) is not null)
                throw new DomainException("An account with this e-mail address already exists.");
            var colleague = new ApplicationUser
            {
                UserName = command.Email.Trim(), Email = command.Email.Trim(), EmailConfirmed = true, DisplayName = command.DisplayName.Trim(),
                PreferredLanguage = command.Language, OrganisationId = organisationId, CreatedAt = clock.GetUtcNow(),
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(colleague));
            IdentityFailure.ThrowIfFailed(await users.AddToRoleAsync(colleague, Roles.Applicant));
            await mediator.Send(new RequestPasswordReset.Command(colleague.Email!), ct);
            return colleague.Id;
        }
    }
}
