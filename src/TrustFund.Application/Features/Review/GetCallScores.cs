using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Review;

/// <summary>
/// The secretariat's ranking of a call: per application the average weighted total, per-criterion averages, the
/// spread between reviewers, and the decision so far. Applications the signed-in person is recused on show no scores.
/// </summary>
public static class GetCallScores
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<Result>
    {
        /// <summary>When set, only these applications (the side-by-side comparison).</summary>
        public IReadOnlyList<Guid>? Compare { get; init; }
    }

    public sealed record Result(Guid CallId, LocalizedText CallTitle, IReadOnlyList<RubricCriterion> Rubric, IReadOnlyList<Row> Rows);

    public sealed record Row(Guid ApplicationId, string ReferenceNumber, string Organisation, string CountryIso2, decimal RequestedAmount,
        ApplicationStatus Status, string? OutcomeMessage, bool Recused, CallScores.ApplicationScore? Score, IReadOnlyList<Review> Reviews);

    public sealed record Review(Guid AssessmentId, string Reviewer, decimal Total, IReadOnlyList<Domain.Review.CriterionScore> Scores);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var title = await db.Calls.AsNoTracking().Where(c => c.Id == query.CallId).Select(c => (LocalizedText?)c.Title).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("call", query.CallId);
            var rows = from a in db.Applications.AsNoTracking()
                       join o in db.Organisations on a.OrganisationId equals o.Id
                       where a.CallId == query.CallId && ReviewerDirectory.InReview.Contains(a.Status)
                       select new { a.Id, a.ReferenceNumber, o.LegalName, o.CountryIso2, Amount = EF.Property<decimal>(a, "RequestedTotal"), a.Status, a.OutcomeMessage };
            if (query.Compare is { Count: > 0 } compare) rows = rows.Where(r => compare.Contains(r.Id));
            var list = await rows.ToListAsync(ct);
            var recused = await db.Recusals().Where(r => r.ReviewerUserId == me).Select(r => r.ApplicationId).ToListAsync(ct);
            var table = await CallScores.ComputeAsync(db, query.CallId, list.Select(r => r.Id).ToList(), ct);
            var reviewerIds = table.ByApplication.Values.SelectMany(s => s.Reviews).Select(r => r.ReviewerUserId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

            var result = list.Select(r =>
            {
                var hidden = recused.Contains(r.Id);
                var score = hidden ? null : table.ByApplication[r.Id];
                var reviews = score?.Reviews.Select(v => new Review(v.AssessmentId, names.GetValueOrDefault(v.ReviewerUserId, "?"), v.Total, v.Scores)).ToList() ?? [];
                return new Row(r.Id, r.ReferenceNumber ?? "", r.LegalName, r.CountryIso2, r.Amount, r.Status, r.OutcomeMessage, hidden, score, reviews);
            }).OrderBy(r => r.Score is { Rank: > 0 } s ? s.Rank : int.MaxValue).ThenBy(r => r.ReferenceNumber).ToList();
            return new Result(query.CallId, title, table.Rubric, result);
        }
    }
}
