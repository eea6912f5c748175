using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.ReferenceData;

/// <summary>Countries for a drop-down, named in the reader's language and sorted in it.</summary>
public static class ListCountries
{
    [AllowAnonymous]
    public sealed record Query(string Language) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(string Iso2, string Name);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct) =>
            (await db.Countries.AsNoTracking().ToListAsync(ct))
            .Select(c => new Item(c.Iso2, c.Name.For(query.Language)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }
}
