using FluentValidation;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Applications;

/// <summary>The organisation withdraws its application at any time before the decision.</summary>
public static class WithdrawApplication
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId, string? Reason) : ICommand<Unit>, IAboutApplication;

    /// <summary>The reason is kept in the status history the secretariat reads: a sentence or two, not a pasted document.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Reason).AtMost(1000, "Reason for withdrawing (optional)");
    }

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
