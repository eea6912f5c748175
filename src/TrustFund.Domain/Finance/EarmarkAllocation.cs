using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Grants;

namespace TrustFund.Domain.Finance;

/// <summary>
/// Money received against an earmarked pledge, designated to a signed grant: what lets a donor statement say which
/// grants a donor's earmarked money funded (DOMAIN.md section 11).
/// It is a designation, not a cash movement: the money already sits in the fund (booked when received) and the grant's
/// obligation is already booked (when signed), so nothing enters the journal and no balance changes. An allocation is
/// never deleted: a wrong one is withdrawn, with who, when and why, and stops counting from that moment.
/// </summary>
public sealed class EarmarkAllocation : Entity
{
    private EarmarkAllocation() { }

    private EarmarkAllocation(Guid pledgeId, Guid grantId, decimal usdAmount, Actor actor, DateTimeOffset now)
    {
        PledgeId = pledgeId;
        GrantId = grantId;
        UsdAmount = usdAmount;
        AllocatedByUserId = actor.UserId;
        AllocatedBy = actor.Name;
        AllocatedAt = now;
    }

    public Guid PledgeId { get; private set; }
    public Guid GrantId { get; private set; }

    /// <summary>The part of the pledge's received money, in USD at the rates it was booked at, that funds the grant.</summary>
    public decimal UsdAmount { get; private set; }

    public Guid? AllocatedByUserId { get; private set; }
    public string AllocatedBy { get; private set; } = "";
    public DateTimeOffset AllocatedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>
    /// Charges <paramref name="usdAmount"/> of an earmarked pledge's received money to a signed grant.
    /// <paramref name="pledgeReceivedUsd"/> is what the journal holds as received against the pledge (reversals included);
    /// <paramref name="pledgeAllocatedUsd"/> and <paramref name="grantAllocatedUsd"/> are the allocations in force of
    /// the pledge and of the grant. The caller reads them under locks on both rows, so two allocations cannot both take
    /// the same last dollars.
    /// </summary>
    public static EarmarkAllocation Allocate(Pledge pledge, decimal pledgeReceivedUsd, decimal pledgeAllocatedUsd,
        GrantAgreement grant, decimal grantAllocatedUsd, decimal usdAmount, Actor actor, DateTimeOffset now)
    {
        if (!pledge.IsEarmarked) throw new DomainException("Only an earmarked pledge can be allocated to a grant.");
        if (pledge.DonorId == Guid.Empty) throw new DomainException("The pledge belongs to no donor.");
        if (grant.Status is not (GrantStatus.Signed or GrantStatus.RefundRequested))
            throw new DomainException("Only a signed grant that is not closed can be funded from an earmarked contribution.");
        if (usdAmount <= 0) throw new DomainException("The amount allocated must be more than zero.");
        if (decimal.Round(usdAmount, 2) != usdAmount) throw new DomainException("Amounts have at most two decimals (cents).");
        var unallocated = pledgeReceivedUsd - pledgeAllocatedUsd;
        if (usdAmount > unallocated)
            throw new DomainException("Only {0} received against this pledge is not yet allocated; {1} cannot be allocated.",
                Money.InUsd(Math.Max(0m, unallocated)), Money.InUsd(usdAmount));
        var grantRoom = grant.Amount - grantAllocatedUsd;
        if (usdAmount > grantRoom)
            throw new DomainException("Only {0} of this grant is not yet funded from earmarked contributions; {1} cannot be allocated.",
                Money.InUsd(Math.Max(0m, grantRoom)), Money.InUsd(usdAmount));
        return new EarmarkAllocation(pledge.Id, grant.Id, usdAmount, actor, now);
    }

    /// <summary>Takes the allocation back (it was wrong, or the donor agreed to another use); it no longer counts from now on.</summary>
    public void Withdraw(string reason, Actor actor, DateTimeOffset now)
    {
        if (IsWithdrawn) throw new DomainException("This allocation has already been withdrawn.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for withdrawing the allocation.");
        WithdrawnAt = now;
        WithdrawnBy = actor.Name;
        WithdrawalReason = reason.Trim();
    }

    /// <summary>In force at <paramref name="instant"/>: made by then and not withdrawn by then.</summary>
    public bool InForceAt(DateTimeOffset instant) => AllocatedAt <= instant && (WithdrawnAt is null || WithdrawnAt > instant);

    /// <summary>
    /// A receipt reversal or a grant amendment must not leave more allocated than there is: refused until allocations are
    /// withdrawn first.
    /// </summary>
    public static void EnsureReceivedCovers(decimal receivedUsd, decimal allocatedUsd)
    {
        if (allocatedUsd > receivedUsd)
            throw new DomainException("{0} of this pledge is allocated to grants, more than the {1} that would remain received: withdraw allocations first.",
                Money.InUsd(allocatedUsd), Money.InUsd(receivedUsd));
    }

    public static void EnsureGrantCovers(decimal grantAmount, decimal allocatedUsd)
    {
        if (allocatedUsd > grantAmount)
            throw new DomainException("{0} of earmarked contributions is allocated to this grant, more than its new amount, {1}: withdraw allocations first.",
                Money.InUsd(allocatedUsd), Money.InUsd(grantAmount));
    }
}
