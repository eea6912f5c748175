using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Donors;

namespace TrustFund.Application.Features.Contributions;

/// <summary>One donor's pledges (with what remains of each, from the journal), receipts and linked donor accounts.</summary>
public static class GetDonor
{
    public sealed record Query(Guid Id) : IQuery<Result>;

    /// <param name="Version">The donor's row version, for the edit form.</param>
    public sealed record Result(Guid Id, uint Version, string Name, DonorKind Kind, string? CountryIso2, IReadOnlyList<PledgeItem> Pledges,
        IReadOnlyList<ReceiptItem> Receipts, IReadOnlyList<string> LinkedAccounts)
    {
        public decimal OutstandingUsd => Pledges.Sum(p => p.OutstandingUsd);
    }

    public sealed record PledgeItem(Guid Id, DateOnly PledgedOn, decimal Amount, string Currency, decimal RateAtPledge,
        decimal UsdEquivalent, bool IsEarmarked, string? EarmarkPurpose, decimal Received, decimal Outstanding, decimal OutstandingUsd)
    {
        public string Label => $"{PledgedOn:yyyy-MM-dd} · {Currency} {Amount:N2}";
    }

    public sealed record ReceiptItem(Guid Id, Guid PledgeId, DateOnly ValueDate, decimal Amount, string Currency, decimal UnitsPerUsd,
        decimal UsdAmount, string BankReference, string RecordedBy, DateTimeOffset? ReversedAt, string? ReversalReason);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var found = await db.Donors.AsNoTracking().Where(d => d.Id == query.Id)
                .Select(d => new { Donor = d, Version = EF.Property<uint>(d, "xmin") }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("donor", query.Id);
            var donor = found.Donor;
            var own = db.Pledges.AsNoTracking().Where(p => p.DonorId == donor.Id);
            var pledges = await own.OrderByDescending(p => p.PledgedOn).ToListAsync(ct);
            var received = await db.ReceivedByPledgeAsync(own, ct);
            var receipts = await db.ContributionReceipts.AsNoTracking().Where(r => own.Any(p => p.Id == r.PledgeId))
                .OrderByDescending(r => r.ValueDate).ThenByDescending(r => r.RecordedAt)
                .Select(r => new ReceiptItem(r.Id, r.PledgeId, r.ValueDate, r.Amount, r.Currency, r.UnitsPerUsd, r.UsdAmount,
                    r.BankReference, r.RecordedBy, r.ReversedAt, r.ReversalReason))
                .ToListAsync(ct);
            var accounts = await db.Users.Where(u => u.DonorId == donor.Id).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
            return new Result(donor.Id, found.Version, donor.Name, donor.Kind, donor.CountryIso2,
                pledges.Select(p => ToItem(p, received.GetValueOrDefault(p.Id).Amount)).ToList(), receipts, accounts);
        }

        internal static PledgeItem ToItem(Pledge p, decimal received)
        {
            var outstanding = p.Amount - received;
            return new PledgeItem(p.Id, p.PledgedOn, p.Amount, p.Currency, p.RateAtPledge, p.UsdEquivalent, p.IsEarmarked,
                p.EarmarkPurpose, received, outstanding, p.OutstandingUsd(outstanding));
        }
    }
}
