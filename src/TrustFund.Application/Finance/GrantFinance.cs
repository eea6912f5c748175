using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Finance;

/// <summary>One grant's money, summed from the journal entries that carry its agreement as their document.</summary>
public sealed record GrantBalance(decimal Obligated, decimal Liquidated, decimal Released, decimal Disbursed, decimal Psc, decimal Refunded)
{
    public static readonly GrantBalance Zero = new(0.00m, 0.00m, 0.00m, 0.00m, 0.00m, 0.00m);

    /// <summary>What the fund still owes the grantee under the agreement: the most any further payment may be.</summary>
    public decimal OpenObligation => Obligated - Liquidated - Released;
}

/// <summary>The locks, balances and officer checks the grant and payment use cases share.</summary>
public static class GrantFinance
{
    /// <summary>
    /// Serialises every use case that spends availability (signing, amending upwards) for the length of the transaction:
    /// two officers signing at the same instant would otherwise both read the same available balance. An advisory lock
    /// rather than a row lock because the settings row may not exist yet (the defaults apply until it is first saved).
    /// </summary>
    public static Task LockFundAvailabilityAsync(this TrustFundDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AvailabilityLockKey})", ct);

    private const long AvailabilityLockKey = 0x54_46_41_56_41_49_4C; // "TFAVAIL"

    /// <summary>Locks one grant's row until the transaction ends: payments, refunds and closure of a grant happen one at a time.</summary>
    public static Task LockGrantAsync(this TrustFundDbContext db, Guid grantId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT id FROM grant_agreements WHERE id = {grantId} FOR UPDATE", ct);

    /// <summary>The whole fund's position from the journal, reversals included.</summary>
    public static async Task<FundPosition> FundPositionAsync(this TrustFundDbContext db, CancellationToken ct)
    {
        var sums = await db.JournalEntries.AsNoTracking()
            .GroupBy(j => j.ReversedEventType ?? j.EventType)
            .Select(g => new { Type = g.Key, Usd = g.Sum(j => j.UsdAmount) })
            .ToListAsync(ct);
        return FundPosition.From(sums.Select(s => (s.Type, s.Usd)));
    }

    /// <summary>Refuses a new obligation the fund cannot cover: available ≥ obligation + its PSC (DOMAIN.md section 7).</summary>
    public static async Task EnsureAvailableAsync(this TrustFundDbContext db, decimal newObligation, CancellationToken ct)
    {
        var settings = await db.FundSettingsAsync(ct);
        var available = (await db.FundPositionAsync(ct)).Available(settings);
        var needed = Money.RoundToCents(newObligation * (1 + settings.PscRate));
        if (needed > available)
            throw new DomainException("The fund has {0} available; this needs {1} including programme support cost.", Money.InUsd(available), Money.InUsd(needed));
    }

    public static async Task<Dictionary<Guid, GrantBalance>> GrantBalancesAsync(this TrustFundDbContext db, IQueryable<Guid> grantIds,
        CancellationToken ct)
    {
        var rows = await db.JournalEntries.AsNoTracking()
            .Where(j => j.DocumentType == GrantAgreement.DocumentType && grantIds.Contains(j.DocumentId!.Value))
            .GroupBy(j => new { GrantId = j.DocumentId!.Value, Type = j.ReversedEventType ?? j.EventType })
            .Select(g => new { g.Key.GrantId, g.Key.Type, Usd = g.Sum(j => j.UsdAmount) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.GrantId).ToDictionary(g => g.Key, g =>
        {
            // + 0.00m keeps two decimals on an empty sum, so exports write 0.00 like every other amount.
            decimal Of(JournalEventType type) => g.Where(r => r.Type == type).Sum(r => r.Usd) + 0.00m;
            return new GrantBalance(Of(JournalEventType.ObligationRaised), Of(JournalEventType.ObligationLiquidated),
                Of(JournalEventType.ObligationReleased), Of(JournalEventType.Disbursement), Of(JournalEventType.PscCharge),
                Of(JournalEventType.Refund));
        });
    }

    /// <summary>
    /// The grant as the command left it, for the handlers of its events: the tracked one when the command loaded it, so a
    /// document reference or a notice reflects this transaction's change; else as stored.
    /// </summary>
    public static async Task<GrantAgreement> GrantAsChangedAsync(this TrustFundDbContext db, Guid id, CancellationToken ct) =>
        db.GrantAgreements.Local.FirstOrDefault(g => g.Id == id) ?? await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == id, ct);

    public static async Task<GrantBalance> GrantBalanceAsync(this TrustFundDbContext db, Guid grantId, CancellationToken ct) =>
        (await db.GrantBalancesAsync(db.GrantAgreements.Where(g => g.Id == grantId).Select(g => g.Id), ct)).GetValueOrDefault(grantId) ?? GrantBalance.Zero;

    /// <summary>
    /// Turns the instalments that are due into payment requests (the first on signature, later ones when their condition
    /// is met). Each instalment becomes a request once; a unique index backs that up.
    /// </summary>
    public static async Task RequestDueInstalmentsAsync(this TrustFundDbContext db, GrantAgreement grant, Actor requester,
        DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.GrantPayments.Where(p => p.GrantId == grant.Id)
            .Select(p => new { p.InstalmentNumber, p.Amount }).ToListAsync(ct);
        var requestedTotal = existing.Sum(p => p.Amount);
        foreach (var instalment in grant.InstalmentsDue(existing.Select(p => p.InstalmentNumber).ToList()))
        {
            var amount = grant.InstalmentAmount(instalment, requestedTotal);
            if (amount <= 0) continue;
            db.GrantPayments.Add(new GrantPayment(grant.Id, instalment.Number, amount, requester.UserId, requester.Name, now));
            requestedTotal += amount;
        }
    }

    /// <summary>
    /// Only an officer in the role, with two-factor authentication turned on for the account (read from the database,
    /// not trusted from the sign-in cookie), may move money. Returns the officer's id.
    /// </summary>
    public static async Task<Guid> EnsureOfficerAsync(this TrustFundDbContext db, ICurrentUser user, string role, string refusal,
        CancellationToken ct)
    {
        if (user.UserId is not { } id || !user.IsInRole(role)) throw new DomainException(refusal);
        var twoFactor = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => (bool?)u.TwoFactorEnabled).SingleOrDefaultAsync(ct);
        if (twoFactor != true) throw new DomainException("Turn on two-factor authentication on your account before acting on payments.");
        return id;
    }

    public static DateOnly Today(this TimeProvider clock) => Domain.Common.FundCalendar.Today(clock);
}
