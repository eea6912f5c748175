using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Users;

public static class SetUserRoles
{
    [Authorize(Identity.Roles.Admin)]
    public sealed record Command(Guid UserId, IReadOnlyList<string> Roles) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleForEach(x => x.Roles).Must(r => Identity.Roles.All.Contains(r)).WithMessage("Choose the roles from the list.");
    }

    public sealed class Handler(UserManager<ApplicationUser> users, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("user", command.UserId);
            var wanted = command.Roles.Distinct().ToList();
            if (user.Id == currentUser.UserId && !wanted.Contains(Roles.Admin))
                throw new DomainException("You cannot remove your own Admin role; ask another administrator.");
            var current = await users.GetRolesAsync(user);
            IdentityFailure.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            IdentityFailure.ThrowIfFailed(await users.AddToRolesAsync(user, wanted.Except(current)));
            // Roles travel in the sign-in cookie: a new stamp makes the person's other sessions pick them up.
            IdentityFailure.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
            return Unit.Value;
        }
    }
}
