using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Authorization;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Users;

/// <summary>An administrator creates an account; the person sets a password through the reset link e-mailed to them.</summary>
public static class CreateUser
{
    [Authorize(Identity.Roles.Admin, Identity.Roles.System)]
    public sealed record Command(string Email, string DisplayName, string PreferredLanguage, IReadOnlyList<string> Roles,
        Guid? OrganisationId = null) : ICommand<Result>;

    public sealed record Result(Guid UserId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an e-mail address.")
                .EmailAddress().WithMessage("Enter a valid e-mail address.");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").AtMost(200, "Name");
            RuleFor(x => x.PreferredLanguage).Must(l => LocalizedText.Languages.Contains(l))
                .WithMessage("Choose English, French or Spanish.");
            RuleForEach(x => x.Roles).Must(r => Identity.Roles.All.Contains(r)).WithMessage("Choose the roles from the list.");
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (await users.FindByEmailAsync(command.Email) is not null)
                throw new DomainException("An account with this e-mail address already exists.");
            var user = new ApplicationUser
            {
                UserName = command.Email.Trim(), Email = command.Email.Trim(), EmailConfirmed = true,
                DisplayName = command.DisplayName.Trim(), PreferredLanguage = command.PreferredLanguage,
                OrganisationId = command.OrganisationId, CreatedAt = clock.GetUtcNow(),
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(user));
            if (command.Roles.Count > 0) IdentityFailure.ThrowIfFailed(await users.AddToRolesAsync(user, command.Roles.Distinct()));
            return new Result(user.Id);
        }
    }
}
