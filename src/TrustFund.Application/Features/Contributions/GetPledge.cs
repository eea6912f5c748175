using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Contributions;

/// <summary>One pledge with what remains of it (from the journal), for the receipt form.</summary>
public static class GetPledge
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid Id) : IQuery<Result>;

    public sealed record Result(Guid DonorId, string DonorName, GetDonor.PledgeItem Pledge);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var pledges = db.Pledges.AsNoTracking().Where(p => p.Id == query.Id);
            var pledge = await pledges.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("pledge", query.Id);
            var donor = await db.Donors.AsNoTracking().Where(d => d.Id == pledge.DonorId).Select(d => d.Name).SingleAsync(ct);
            var received = await db.ReceivedByPledgeAsync(pledges, ct);
            var allocated = await db.AllocatedByPledgeAsync(pledges.Select(p => p.Id), ct);
            return new Result(pledge.DonorId, donor,
                GetDonor.Handler.ToItem(pledge, received.GetValueOrDefault(pledge.Id), allocated.GetValueOrDefault(pledge.Id)));
        }
    }
}
