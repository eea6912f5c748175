using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
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
            var planned = await AssignmentPlanning.PlanAsync(db, clock, command.CallId, db.Applications, command.ReviewersPerApplication,
                command.IncludeTechnicalReviewers, ct);
            await AssignmentPlanning.ApplyAsync(db, user, clock, command.CallId, planned.Plan, ct);
            return new Result(planned.Plan.NewAssignments.Count, planned.Plan.Shortfalls.Count);
        }
    }
}
