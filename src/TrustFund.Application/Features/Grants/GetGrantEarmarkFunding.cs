using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// A grant's funding from earmarked contributions: its allocations (withdrawn ones too, with why) and the earmarked
/// pledges that still have received money not allocated, to choose from.
/// </summary>
public static class GetGrantEarmarkFunding
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid GrantId) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<AllocationItem> Allocations, IReadOnlyList<PledgeOption> Options)
    {
        public decimal AllocatedUsd => Allocations.Where(a => a.WithdrawnAt is null).Sum(a => a.UsdAmount);
    }

    public sealed record AllocationItem(Guid Id, string Donor, string Earmark, DateOnly PledgedOn, decimal UsdAmount, string AllocatedBy,
        DateTimeOffset AllocatedAt, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason);

    public sealed record PledgeOption(Guid PledgeId, string Donor, string Earmark, DateOnly PledgedOn, decimal ReceivedUsd, decimal AllocatedUsd)
    {
        public decimal UnallocatedUsd => ReceivedUsd - AllocatedUsd;
    }

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            if (!await db.GrantAgreements.AnyAsync(g => g.Id == query.GrantId, ct)) throw new NotFoundException("grant agreement", query.GrantId);
            var allocations = await (
                    from a in db.EarmarkAllocations.AsNoTracking()
                    join p in db.Pledges on a.PledgeId equals p.Id
                    join d in db.Donors on p.DonorId equals d.Id
                    where a.GrantId == query.GrantId
                    orderby a.AllocatedAt
                    select new AllocationItem(a.Id, d.Name, p.EarmarkPurpose ?? "", p.PledgedOn, a.UsdAmount, a.AllocatedBy, a.AllocatedAt,
                        a.WithdrawnAt, a.WithdrawnBy, a.WithdrawalReason))
                .ToListAsync(ct);

            var earmarked = db.Pledges.AsNoTracking().Where(p => p.IsEarmarked);
            var received = await db.ReceivedByPledgeAsync(earmarked, ct);
            var allocated = await db.AllocatedByPledgeAsync(earmarked.Select(p => p.Id), ct);
            var pledges = await (
                    from p in earmarked
                    join d in db.Donors on p.DonorId equals d.Id
                    orderby d.Name, p.PledgedOn
                    select new { p.Id, Donor = d.Name, p.EarmarkPurpose, p.PledgedOn })
                .ToListAsync(ct);
            var options = pledges
                .Select(p => new PledgeOption(p.Id, p.Donor, p.EarmarkPurpose ?? "", p.PledgedOn, received.GetValueOrDefault(p.Id).Usd,
                    allocated.GetValueOrDefault(p.Id)))
                .Where(o => o.UnallocatedUsd > 0)
                .ToList();
            return new Result(allocations, options);
        }
    }
}
