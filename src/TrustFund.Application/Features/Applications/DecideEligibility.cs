using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Validation;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The secretariat confirms an application Eligible or Ineligible, with a reason the applicant reads (the decision raises
/// ApplicationDecided: <see cref="ApplicantDecisionNotice"/> tells the applicant).
/// </summary>
public static class DecideEligibility
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, bool Eligible, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Give a reason the applicant can read.").AtMost(2000, "Reason the applicant will read");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            application.DecideEligibility(command.Eligible, command.Reason, clock.GetUtcNow(), user.UserName);
            return Unit.Value;
        }
    }
}
