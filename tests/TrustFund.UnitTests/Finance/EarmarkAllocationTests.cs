using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Finance;

public sealed class EarmarkAllocationTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2027, 4, 1);
    private static readonly Actor Manager = new(Guid.NewGuid(), "manager@unodc.test");

    private static Pledge Earmarked(bool earmarked = true, Guid? donorId = null) =>
        new(donorId ?? Guid.NewGuid(), Money.InUsd(50_000), new DateOnly(2027, 3, 2), 1, earmarked,
            earmarked ? "Child victims in West Africa" : null, Now);

    private static GrantAgreement Grant(bool signed = true, decimal amount = 30_000)
    {
        var grant = new GrantAgreement(Guid.NewGuid(), Guid.NewGuid(), "NGO", "GA-1", amount, Start, Start.AddMonths(12),
            [new GrantBudgetLine("DirectAssistance", "Shelter", amount)], Now);
        if (signed) grant.Sign(Now, "manager");
        return grant;
    }

    private static EarmarkAllocation Allocate(decimal usd, Pledge? pledge = null, GrantAgreement? grant = null, decimal received = 50_000,
        decimal pledgeAllocated = 0, decimal grantAllocated = 0) =>
        EarmarkAllocation.Allocate(pledge ?? Earmarked(), received, pledgeAllocated, grant ?? Grant(), grantAllocated, usd, Manager, Now);

    [Fact]
    public void Allocate_ReceivedEarmarkedMoneyToASignedGrant_RecordsWhoAndWhen()
    {
        var pledge = Earmarked();
        var grant = Grant();

        var allocation = Allocate(12_500.50m, pledge, grant);

        Assert.Equal((pledge.Id, grant.Id, 12_500.50m), (allocation.PledgeId, allocation.GrantId, allocation.UsdAmount));
        Assert.Equal((Manager.UserId, Manager.Name, Now), (allocation.AllocatedByUserId, allocation.AllocatedBy, allocation.AllocatedAt));
        Assert.False(allocation.IsWithdrawn);
    }

    [Fact]
    public void Allocate_APledgeNotEarmarked_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(1_000, Earmarked(earmarked: false)));
        Assert.Equal("Only an earmarked pledge can be allocated to a grant.", error.Message);
    }

    [Fact]
    public void Allocate_APledgeOfNoDonor_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(1_000, Earmarked(donorId: Guid.Empty)));
        Assert.Equal("The pledge belongs to no donor.", error.Message);
    }

    [Fact]
    public void Allocate_MoreThanTheReceivedMoneyNotYetAllocated_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(10_000.01m, received: 30_000, pledgeAllocated: 20_000));

        Assert.Equal("Only {0} received against this pledge is not yet allocated; {1} cannot be allocated.", error.Template);
        Assert.Equal([Money.InUsd(10_000m), Money.InUsd(10_000.01m)], error.Arguments);
        Assert.Equal(10_000m, Allocate(10_000m, received: 30_000, pledgeAllocated: 20_000).UsdAmount);   // exactly what is left passes
    }

    [Fact]
    public void Allocate_AgainstAPledgeWithNothingReceived_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(1, received: 0));
        Assert.Equal([Money.InUsd(0m), Money.InUsd(1m)], error.Arguments);
    }

    [Fact]
    public void Allocate_MoreThanTheGrantNotYetFunded_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(5_000, grant: Grant(amount: 30_000), grantAllocated: 26_000));

        Assert.Equal("Only {0} of this grant is not yet funded from earmarked contributions; {1} cannot be allocated.", error.Template);
        Assert.Equal([Money.InUsd(4_000m), Money.InUsd(5_000m)], error.Arguments);
    }

    [Fact]
    public void Allocate_ToADraftGrant_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Allocate(1_000, grant: Grant(signed: false)));
        Assert.Equal("Only a signed grant that is not closed can be funded from an earmarked contribution.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.005")]
    public void Allocate_AnAmountNotPositiveOrWithMoreThanCents_IsRefused(string amount)
    {
        var error = Assert.Throws<DomainException>(() => Allocate(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(error.Message, new[] { "The amount allocated must be more than zero.", "Amounts have at most two decimals (cents)." });
    }

    [Fact]
    public void Withdraw_KeepsWhoWhenAndWhy_AndStopsCountingFromThen()
    {
        var allocation = Allocate(1_000);
        var later = Now.AddDays(40);

        allocation.Withdraw("  Donor asked for another project.  ", new Actor(null, "finance@unodc.test"), later);

        Assert.Equal((later, "finance@unodc.test", "Donor asked for another project."),
            (allocation.WithdrawnAt, allocation.WithdrawnBy, allocation.WithdrawalReason));
        Assert.True(allocation.InForceAt(later.AddTicks(-1)));
        Assert.False(allocation.InForceAt(later));
        Assert.False(allocation.InForceAt(Now.AddTicks(-1)));
    }

    [Fact]
    public void Withdraw_WithoutAReason_OrTwice_IsRefused()
    {
        var allocation = Allocate(1_000);
        Assert.Equal("Give the reason for withdrawing the allocation.",
            Assert.Throws<DomainException>(() => allocation.Withdraw(" ", Manager, Now)).Message);
        allocation.Withdraw("Wrong grant.", Manager, Now);
        Assert.Equal("This allocation has already been withdrawn.",
            Assert.Throws<DomainException>(() => allocation.Withdraw("Again.", Manager, Now)).Message);
    }

    [Fact]
    public void EnsureReceivedCovers_LessReceivedThanAllocated_IsRefused()
    {
        EarmarkAllocation.EnsureReceivedCovers(5_000, 5_000);
        var error = Assert.Throws<DomainException>(() => EarmarkAllocation.EnsureReceivedCovers(4_999.99m, 5_000));
        Assert.Equal([Money.InUsd(5_000m), Money.InUsd(4_999.99m)], error.Arguments);
    }

    [Fact]
    public void EnsureGrantCovers_AGrantAmendedBelowItsAllocations_IsRefused()
    {
        EarmarkAllocation.EnsureGrantCovers(20_000, 20_000);
        var error = Assert.Throws<DomainException>(() => EarmarkAllocation.EnsureGrantCovers(19_000, 20_000));
        Assert.Equal([Money.InUsd(20_000m), Money.InUsd(19_000m)], error.Arguments);
    }
}
