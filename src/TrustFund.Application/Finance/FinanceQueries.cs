using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Finance;

/// <summary>Look-ups several money use cases share: the rate in force, the fund settings, balances from the journal.</summary>
public static class FinanceQueries
{
    /// <summary>
    /// Units of <paramref name="currency"/> per USD in force on <paramref name="date"/>: the latest rate starting on or
    /// before it in the same month (1 for USD). No rate means no conversion: refused, naming the missing rate.
    /// </summary>
    public static async Task<decimal> UnoreRateAsync(this TrustFundDbContext db, string currency, DateOnly date, CancellationToken ct)
    {
        if (currency == Money.Usd) return 1m;
        var firstOfMonth = UnoreRate.FirstOfMonth(date);
        var rate = await db.UnoreRates.AsNoTracking()
            .Where(r => r.Currency == currency && r.EffectiveFrom <= date && r.EffectiveFrom >= firstOfMonth)
            .OrderByDescending(r => r.EffectiveFrom)
            .Select(r => (decimal?)r.UnitsPerUsd)
            .FirstOrDefaultAsync(ct);
        return rate ?? throw new DomainException("There is no UNORE rate for {0} in force on {1:yyyy-MM-dd}: enter or import the {0} rate for {1:MMMM yyyy} first.",
            currency, date);
    }

    /// <summary>The fund's settings; until a fund manager first saves them, the defaults of DOMAIN.md (13% PSC, 0% reserve).</summary>
    public static async Task<FundSettings> FundSettingsAsync(this TrustFundDbContext db, CancellationToken ct) =>
        await db.FundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == FundSettings.TheFund, ct)
        ?? new FundSettings(FundSettings.TheFund, FundSettings.DefaultPscRate, FundSettings.DefaultOperatingReserveRate);

    /// <summary>Journal entries that move the contributions-received balance (receipts and their reversals).</summary>
    public static IQueryable<JournalEntry> ContributionEntries(this TrustFundDbContext db) =>
        db.JournalEntries.AsNoTracking().Where(j =>
            j.EventType == JournalEventType.ContributionReceived || j.ReversedEventType == JournalEventType.ContributionReceived);

    /// <summary>Received per pledge, in the pledge's currency and in USD, summed from the journal.</summary>
    public static async Task<Dictionary<Guid, (decimal Amount, decimal Usd)>> ReceivedByPledgeAsync(this TrustFundDbContext db,
        IQueryable<Pledge> pledges, CancellationToken ct)
    {
        var rows = await (
                from j in db.ContributionEntries()
                join r in db.ContributionReceipts on j.DocumentId equals (Guid?)r.Id
                join p in pledges on r.PledgeId equals p.Id
                where j.DocumentType == ContributionReceipt.DocumentType
                group j by r.PledgeId into g
                select new { PledgeId = g.Key, Amount = g.Sum(x => x.Amount), Usd = g.Sum(x => x.UsdAmount) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.PledgeId, r => (r.Amount, r.Usd));
    }

    public static Actor AsActor(this ICurrentUser user) =>
        user.UserName is { } name ? new Actor(user.UserId, name) : Actor.System;
}
