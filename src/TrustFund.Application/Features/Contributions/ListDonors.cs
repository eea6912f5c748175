using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;

namespace TrustFund.Application.Features.Contributions;

/// <summary>Every donor with what it pledged, what the journal shows it paid, and what it still owes, in USD.</summary>
public static class ListDonors
{
    [Authorize(Roles.FundManager)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    /// <summary>Outstanding is each pledge's unpaid part at its pledge-date rate; received is the journal's USD.</summary>
    public sealed record Item(Guid Id, string Name, DonorKind Kind, string? CountryIso2, int PledgeCount, decimal ReceivedUsd,
        decimal OutstandingUsd);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var donors = await db.Donors.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
            var pledges = await db.Pledges.AsNoTracking().ToListAsync(ct);
            var received = await db.ReceivedByPledgeAsync(db.Pledges, ct);
            var receivedByDonor = await db.ContributionEntries().Where(j => j.DonorId != null)
                .GroupBy(j => j.DonorId!.Value).Select(g => new { g.Key, Usd = g.Sum(j => j.UsdAmount) })
                .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
            return donors.Select(d =>
            {
                var own = pledges.Where(p => p.DonorId == d.Id).ToList();
                var outstanding = own.Sum(p => p.OutstandingUsd(p.Amount - received.GetValueOrDefault(p.Id).Amount));
                return new Item(d.Id, d.Name, d.Kind, d.CountryIso2, own.Count, receivedByDonor.GetValueOrDefault(d.Id), outstanding);
            }).ToList();
        }
    }
}
