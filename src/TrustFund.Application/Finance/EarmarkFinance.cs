using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Application.Finance;

/// <summary>The lock and sums the earmark allocation use cases share.</summary>
public static class EarmarkFinance
{
    /// <summary>
    /// Locks one pledge's row until the transaction ends. Allocating its money and reversing one of its receipts both
    /// take it, so two allocations cannot both take the same last dollars, nor a reversal pull money out from under one.
    /// Allocations lock the grant first and the pledge second, always in that order, so they cannot deadlock.
    /// </summary>
    public static Task LockPledgeAsync(this TrustFundDbContext db, Guid pledgeId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT id FROM pledges WHERE id = {pledgeId} FOR UPDATE", ct);

    /// <summary>USD allocated to grants and not withdrawn, per pledge.</summary>
    public static async Task<Dictionary<Guid, decimal>> AllocatedByPledgeAsync(this TrustFundDbContext db, IQueryable<Guid> pledgeIds,
        CancellationToken ct) =>
        await db.EarmarkAllocations.AsNoTracking()
            .Where(a => a.WithdrawnAt == null && pledgeIds.Contains(a.PledgeId))
            .GroupBy(a => a.PledgeId)
            .Select(g => new { PledgeId = g.Key, Usd = g.Sum(a => a.UsdAmount) })
            .ToDictionaryAsync(x => x.PledgeId, x => x.Usd, ct);

    /// <summary>USD of earmarked contributions allocated to one grant and not withdrawn.</summary>
    public static async Task<decimal> AllocatedToGrantAsync(this TrustFundDbContext db, Guid grantId, CancellationToken ct) =>
        await db.EarmarkAllocations.AsNoTracking().Where(a => a.GrantId == grantId && a.WithdrawnAt == null)
            .SumAsync(a => a.UsdAmount, ct);
}
