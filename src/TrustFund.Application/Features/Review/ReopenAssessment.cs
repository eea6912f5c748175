using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Validation;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Review;

/// <summary>The secretariat reopens a completed assessment, with a reason the reviewer sees.</summary>
public static class ReopenAssessment
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid AssessmentId, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for reopening the assessment.").AtMost(1000, "Reason for reopening");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var assessment = await db.Assessments.SingleOrDefaultAsync(s => s.Id == command.AssessmentId, ct)
                ?? throw new NotFoundException("assessment", command.AssessmentId);
            assessment.Reopen(command.Reason, user.UserName ?? "", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
