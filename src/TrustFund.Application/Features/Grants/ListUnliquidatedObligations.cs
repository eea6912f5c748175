using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Obligations still open after their grant's end date, for the certifying officer's periodic review (FRR). The
/// scheduled-jobs work calls this monthly; the finance page shows it on demand.
/// </summary>
public static class ListUnliquidatedObligations
{
    [Authorize(Roles.FundManager, Roles.CertifyingOfficer, Roles.ApprovingOfficer, Roles.System)]
    public sealed record Query(DateOnly AsOf) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid GrantId, string ReferenceNumber, string Grantee, DateOnly EndDate, int DaysPastEnd,
        GrantStatus Status, decimal Obligated, decimal Liquidated, decimal OpenObligation);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var ended = db.GrantAgreements.AsNoTracking()
                .Where(g => g.Status != GrantStatus.Draft && g.Status != GrantStatus.Closed && g.EndDate < query.AsOf);
            var grants = await ended.OrderBy(g => g.EndDate).ToListAsync(ct);
            var balances = await db.GrantBalancesAsync(ended.Select(g => g.Id), ct);
            return grants
                .Select(g => (g, b: balances.GetValueOrDefault(g.Id) ?? GrantBalance.Zero))
                .Where(x => x.b.OpenObligation > 0)
                .Select(x => new Item(x.g.Id, x.g.ReferenceNumber, x.g.Grantee, x.g.EndDate, query.AsOf.DayNumber - x.g.EndDate.DayNumber,
                    x.g.Status, x.b.Obligated, x.b.Liquidated, x.b.OpenObligation))
                .ToList();
        }
    }
}
