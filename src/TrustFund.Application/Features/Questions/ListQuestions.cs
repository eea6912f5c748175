using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Questions;

/// <summary>
/// A call's questions: for the public, the published Q&A only and never who asked (<see cref="PublishedQuery"/>); for the
/// secretariat, all of them with the asking organisation (<see cref="Query"/>). Two requests, each with its declaration,
/// rather than a flag the caller chooses.
/// </summary>
public static class ListQuestions
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<IReadOnlyList<Item>>;

    [AllowAnonymous]
    public sealed record PublishedQuery(Guid CallId) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Question, string? Answer, bool IsPublished, DateTimeOffset AskedAt, string? AskedBy);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct) =>
            await db.ClarificationQuestions.AsNoTracking().Where(q => q.CallId == query.CallId).OrderBy(q => q.AskedAt)
                .Select(q => new Item(q.Id, q.Question, q.Answer, q.IsPublished, q.AskedAt,
                    db.Organisations.Where(o => o.Id == q.AskedByOrganisationId).Select(o => o.LegalName).Single()))
                .ToListAsync(ct);
    }

    public sealed class PublishedHandler(TrustFundDbContext db) : IQueryHandler<PublishedQuery, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(PublishedQuery query, CancellationToken ct) =>
            await db.ClarificationQuestions.AsNoTracking().Where(q => q.CallId == query.CallId && q.IsPublished).OrderBy(q => q.AskedAt)
                .Select(q => new Item(q.Id, q.Question, q.Answer, q.IsPublished, q.AskedAt, null))
                .ToListAsync(ct);
    }
}
