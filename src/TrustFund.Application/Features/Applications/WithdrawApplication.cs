using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Applications;

/// <summary>The organisation withdraws its application at any time before the decision.</summary>
public static class WithdrawApplication
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId, string? Reason) : ICommand<Unit>, IAboutApplication;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, version: null, ct);
            application.Withdraw(clock.GetUtcNow(), user.UserName, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
