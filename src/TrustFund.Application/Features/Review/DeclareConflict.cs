using FluentValidation;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Review;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Review;

/// <summary>A reviewer answers the conflict-of-interest question on one application; every answer is kept.</summary>
public static class DeclareConflict
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, bool HasConflict, string? Note) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Note).NotEmpty().When(x => x.HasConflict).WithMessage("Describe the conflict of interest in a note.");
            RuleFor(x => x.Note).AtMost(2000, "Note");
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var today = ReviewerDirectory.Today(clock);
            if (!await ReviewDoor.MayApproachAsync(db, me, command.ApplicationId, today, ct))
                throw new NotFoundException("application", command.ApplicationId);
            var flags = await ReviewerDirectory.LikelyConflictsAsync(db, me, command.ApplicationId, today, ct);
            db.ConflictDeclarations.Add(new ConflictDeclaration(command.ApplicationId, me, command.HasConflict, command.Note, flags.Count > 0,
                clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
