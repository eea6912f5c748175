using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.Questions;

/// <summary>
/// A call's questions: for the public, the published Q&A only and never who asked; for the secretariat, all of
/// them with the asking organisation.
/// </summary>
public static class ListQuestions
{
    public sealed record Query(Guid CallId, bool ForSecretariat) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Question, string? Answer, bool IsPublished, DateTimeOffset AskedAt, string? AskedBy);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var questions = db.ClarificationQuestions.AsNoTracking().Where(q => q.CallId == query.CallId);
            if (!query.ForSecretariat) questions = questions.Where(q => q.IsPublished);
            return await questions.OrderBy(q => q.AskedAt)
                .Select(q => new Item(q.Id, q.Question, q.Answer, q.IsPublished, q.AskedAt,
                    query.ForSecretariat ? db.Organisations.Where(o => o.Id == q.AskedByOrganisationId).Select(o => o.LegalName).Single() : null))
                .ToListAsync(ct);
        }
    }
}
