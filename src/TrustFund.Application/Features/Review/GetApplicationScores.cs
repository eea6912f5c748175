using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Review;

/// <summary>The completed scores of one application, for a reviewer cleared on it (or the secretariat): the conflict rule's scores door.</summary>
public static class GetApplicationScores
{
    [Authorize(Roles.Trustee, Roles.FundManager, Scope = Scope.NotRecused)]
    public sealed record Query(Guid ApplicationId) : IQuery<Result>, IAboutApplication;

    public sealed record Result(IReadOnlyList<RubricCriterion> Rubric, CallScores.ApplicationScore Score, IReadOnlyDictionary<Guid, string> Reviewers);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var callId = await db.Applications.AsNoTracking().Where(a => a.Id == query.ApplicationId).Select(a => (Guid?)a.CallId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("application", query.ApplicationId);
            await ReviewDoor.EnsureMaySeeScoresAsync(db, user, query.ApplicationId, ct);
            var table = await CallScores.ComputeAsync(db, callId, [query.ApplicationId], ct);
            var score = table.ByApplication[query.ApplicationId];
            var ids = score.Reviews.Select(r => r.ReviewerUserId).ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            return new Result(table.Rubric, score, names);
        }
    }
}
