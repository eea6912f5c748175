using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;

namespace TrustFund.Application.Features.Contributions;

/// <summary>
/// One donor's pledges (with what remains of each, from the journal, and for earmarked ones how much of the money
/// received is allocated to grants), receipts and linked donor accounts.
/// </summary>
public static class GetDonor
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Donor, Scope = Scope.OwnDonor)]
    public sealed record Query(Guid Id) : IQuery<Result>, IAboutDonor
    {
        Guid IAboutDonor.DonorId => Id;
    }

    /// <param name="Version">The donor's row version, for the edit form.</param>
    public sealed record Result(Guid Id, uint Version, string Name, DonorKind Kind, string? CountryIso2, IReadOnlyList<PledgeItem> Pledges,
        IReadOnlyList<ReceiptItem> Receipts, IReadOnlyList<string> LinkedAccounts)
    {
        public decimal OutstandingUsd => Pledges.Sum(p => p.OutstandingUsd);

        /// <summary>The language its statements are issued in.</summary>
        public string Language { get; init; } = "en";
    }

    public sealed record PledgeItem(Guid Id, DateOnly PledgedOn, decimal Amount, string Currency, decimal RateAtPledge,
        decimal UsdEquivalent, bool IsEarmarked, string? EarmarkPurpose, decimal Received, decimal Outstanding, decimal OutstandingUsd,
        decimal ReceivedUsd, decimal AllocatedUsd)
    {
        /// <summary>Earmarked money received and not yet allocated to a grant.</summary>
        public decimal UnallocatedUsd => ReceivedUsd - AllocatedUsd;

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
            var allocated = await db.AllocatedByPledgeAsync(own.Select(p => p.Id), ct);
            var receipts = await db.ContributionReceipts.AsNoTracking().Where(r => own.Any(p => p.Id == r.PledgeId))
                .OrderByDescending(r => r.ValueDate).ThenByDescending(r => r.RecordedAt)
                .Select(r => new ReceiptItem(r.Id, r.PledgeId, r.ValueDate, r.Amount, r.Currency, r.UnitsPerUsd, r.UsdAmount,
                    r.BankReference, r.RecordedBy, r.ReversedAt, r.ReversalReason))
                .ToListAsync(ct);
            var accounts = await db.Users.Where(u => u.DonorId == donor.Id).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
            return new Result(donor.Id, found.Version, donor.Name, donor.Kind, donor.CountryIso2,
                pledges.Select(p => ToItem(p, received.GetValueOrDefault(p.Id), allocated.GetValueOrDefault(p.Id))).ToList(), receipts, accounts)
            {
                Language = donor.Language,
            };
        }

        internal static PledgeItem ToItem(Pledge p, (decimal Amount, decimal Usd) received, decimal allocatedUsd)
        {
            var outstanding = p.Amount - received.Amount;
            return new PledgeItem(p.Id, p.PledgedOn, p.Amount, p.Currency, p.RateAtPledge, p.UsdEquivalent, p.IsEarmarked,
                p.EarmarkPurpose, received.Amount, outstanding, p.OutstandingUsd(outstanding), received.Usd, allocatedUsd);
        }
    }
}
