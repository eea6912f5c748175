using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Application.Features.ReferenceData;

/// <summary>The five UN regional groups with their names in the three languages, in the order the UN lists them.</summary>
public static class ListRegionalGroups
{
    [AllowAnonymous]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(string Code, LocalizedText Name);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct) =>
            (await db.RegionalGroups.AsNoTracking().Select(g => new Item(g.Code, g.Name)).ToListAsync(ct))
            .OrderBy(g => RegionalGroup.Codes.ToList().IndexOf(g.Code) is var i && i < 0 ? int.MaxValue : i).ToList();
    }
}
