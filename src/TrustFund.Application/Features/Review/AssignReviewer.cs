using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>The secretariat assigns one reviewer to one eligible application by hand; the application goes under review.</summary>
public static class AssignReviewer
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, Guid ReviewerUserId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            if (!ReviewerDirectory.Assignable.Contains(application.Status))
                throw new DomainException("Only an eligible application can be assigned for review.");
            var reviewers = await ReviewerDirectory.AvailableAsync(db, ReviewerDirectory.Today(clock), includeTechnical: true, ct);
            if (reviewers.All(r => r.UserId != command.ReviewerUserId))
                throw new DomainException("Choose a serving trustee or a technical reviewer of the secretariat.");
            if (await db.StandingAsync(command.ReviewerUserId, application.Id, ct) == ConflictStanding.Conflicted)
                throw new DomainException("This reviewer declared a conflict of interest on this application.");
            if (await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == application.Id && a.ReviewerUserId == command.ReviewerUserId, ct))
                throw new DomainException("This reviewer is already assigned to this application.");

            var now = clock.GetUtcNow();
            db.ReviewAssignments.Add(new ReviewAssignment(application.CallId, application.Id, command.ReviewerUserId, now, user.UserName));
            if (application.Status == ApplicationStatus.Eligible) application.StartReview(now, user.UserName);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
