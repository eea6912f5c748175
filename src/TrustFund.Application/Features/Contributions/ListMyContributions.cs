using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Contributions;

/// <summary>A donor's own pledges and receipts, for the signed-in Donor account; nothing about any other donor.</summary>
public static class ListMyContributions
{
    // Any donor user: the handler reads only their own donor's, and tells one not yet linked to a donor so.
    [Authorize(Roles.Donor)]
    public sealed record Query : IQuery<Result?>;

    public sealed record Result(string DonorName, IReadOnlyList<GetDonor.PledgeItem> Pledges, IReadOnlyList<GetDonor.ReceiptItem> Receipts);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result?>
    {
        /// <summary>Null when the account is not linked to a donor yet.</summary>
        public async ValueTask<Result?> Handle(Query query, CancellationToken ct)
        {
            var donorId = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.DonorId).SingleOrDefaultAsync(ct);
            if (donorId is null) return null;
            var donor = await new GetDonor.Handler(db).Handle(new GetDonor.Query(donorId.Value), ct);
            // Donors see reversed receipts as gone; the reasons are internal bookkeeping.
            return new Result(donor.Name, donor.Pledges, donor.Receipts.Where(r => r.ReversedAt is null).ToList());
        }
    }
}
