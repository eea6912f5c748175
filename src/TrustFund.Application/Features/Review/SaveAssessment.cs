using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>An assigned reviewer saves scores as a draft, or completes the assessment, which locks it.</summary>
public static class SaveAssessment
{
    [Authorize(Roles.Trustee, Roles.FundManager, Scope = Scope.NotRecused)]
    public sealed record Command(Guid ApplicationId, IReadOnlyList<CriterionScore> Scores, bool Complete) : ICommand<Unit>, IAboutApplication;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            if (!await db.ReviewAssignments.AnyAsync(r => r.ApplicationId == command.ApplicationId && r.ReviewerUserId == me, ct))
                throw new NotFoundException("application", command.ApplicationId);
            await db.EnsureMayTakePartAsync(me, command.ApplicationId, ct);
            var application = await db.Applications.AsNoTracking().Where(a => a.Id == command.ApplicationId)
                .Select(a => new { a.CallId, a.Status }).SingleAsync(ct);
            if (!GetReviewApplication.Scorable.Contains(application.Status))
                throw new DomainException("Scoring is closed for this application.");
            var rubric = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Rubric).SingleAsync(ct);

            var now = clock.GetUtcNow();
            var assessment = await db.Assessments.SingleOrDefaultAsync(s => s.ApplicationId == command.ApplicationId && s.ReviewerUserId == me, ct);
            if (assessment is null)
            {
                assessment = new Assessment(application.CallId, command.ApplicationId, me, now);
                db.Assessments.Add(assessment);
            }
            assessment.SaveDraft(rubric, command.Scores, now);
            if (command.Complete) assessment.Complete(rubric, now);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
