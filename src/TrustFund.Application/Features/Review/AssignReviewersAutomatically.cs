using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// Assigns every eligible application of a call to enough reviewers, spreading the load evenly and never choosing a
/// reviewer the system pre-flags (nationality, declared affiliation) or who declared a conflict.
/// </summary>
public static class AssignReviewersAutomatically
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, int ReviewersPerApplication = BalancedAssignment.MinimumReviewers, bool IncludeTechnicalReviewers = false)
        : ICommand<Result>;

    /// <summary>
    /// Two reviewers at least (the board's rule) and five at most, as the form offers: a hand-typed 1000 would otherwise
    /// hand every application to every reviewer, and report a shortfall on each.
    /// </summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public const int MaximumReviewers = 5;

        public Validator() => RuleFor(x => x.ReviewersPerApplication)
            .InclusiveBetween(BalancedAssignment.MinimumReviewers, MaximumReviewers)
            .WithMessage("Give between two and five reviewers per application.");
    }

    /// <summary><paramref name="Short"/>: applications that could not get enough reviewers free of conflicts.</summary>
    public sealed record Result(int Added, int Short);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Calls.AnyAsync(c => c.Id == command.CallId, ct)) throw new NotFoundException("call", command.CallId);
            var reviewers = await ReviewerDirectory.AvailableAsync(db, ReviewerDirectory.Today(clock), command.IncludeTechnicalReviewers, ct);
            var inCall = db.Applications.Where(a => a.CallId == command.CallId && ReviewerDirectory.Assignable.Contains(a.Status));
            var applicants = await ReviewerDirectory.ApplicantsAsync(db, inCall, ct);
            var likely = await ReviewerDirectory.LikelyConflictsAsync(db, reviewers, applicants, ct);
            var applicationIds = applicants.Select(a => a.ApplicationId).ToList();
            var conflicted = (await db.Recusals().Where(d => applicationIds.Contains(d.ApplicationId))
                .Select(d => new { d.ApplicationId, d.ReviewerUserId }).ToListAsync(ct))
                .Select(d => (d.ApplicationId, d.ReviewerUserId)).ToHashSet();
            // Load counts the whole call, so a second run tops up without piling onto the same people.
            var existing = (await db.ReviewAssignments.Where(a => a.CallId == command.CallId)
                .Select(a => new { a.ApplicationId, a.ReviewerUserId }).ToListAsync(ct)).Select(a => (a.ApplicationId, a.ReviewerUserId)).ToList();

            var plan = BalancedAssignment.Balance(applicationIds, reviewers.Select(r => r.UserId).ToList(), existing,
                (application, reviewer) => conflicted.Contains((application, reviewer)) || likely(application, reviewer).Count > 0,
                command.ReviewersPerApplication);

            var now = clock.GetUtcNow();
            foreach (var (applicationId, reviewerId) in plan.NewAssignments)
                db.ReviewAssignments.Add(new ReviewAssignment(command.CallId, applicationId, reviewerId, now, user.UserName));
            var started = plan.NewAssignments.Select(a => a.ApplicationId).Distinct().ToList();
            foreach (var application in await db.Applications.Where(a => started.Contains(a.Id) && a.Status == ApplicationStatus.Eligible).ToListAsync(ct))
                application.StartReview(now, user.UserName);
            await db.SaveChangesAsync(ct);
            return new Result(plan.NewAssignments.Count, plan.Shortfalls.Count);
        }
    }
}
