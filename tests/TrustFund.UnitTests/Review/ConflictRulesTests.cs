using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.UnitTests.Review;

public sealed class ConflictRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Application = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public void LikelyConflicts_TrusteeOfTheApplicantsNationality_IsFlagged()
    {
        var flags = ConflictRules.LikelyConflicts("CO", [], "CO", Organisation);
        Assert.Equal([LikelyConflict.SameNationality], flags);
    }

    [Fact]
    public void LikelyConflicts_DeclaredAffiliationWithTheOrganisation_IsFlagged()
    {
        var flags = ConflictRules.LikelyConflicts("SE", [Guid.NewGuid(), Organisation], "CO", Organisation);
        Assert.Equal([LikelyConflict.DeclaredAffiliation], flags);
    }

    [Fact]
    public void LikelyConflicts_NoTieAndAnotherCountry_FlagsNothing()
    {
        Assert.Empty(ConflictRules.LikelyConflicts("SE", [Guid.NewGuid()], "CO", Organisation));
        Assert.Empty(ConflictRules.LikelyConflicts(null, [], "CO", Organisation));
    }

    [Fact]
    public void Standing_WithoutDeclaration_IsNotDeclaredAndMayNotTakePart()
    {
        var standing = ConflictRules.Standing([]);
        Assert.Equal(ConflictStanding.NotDeclared, standing);
        Assert.False(ConflictRules.MayTakePart(standing));
    }

    [Fact]
    public void Standing_LatestDeclarationCounts_AConflictAfterNoConflictRecuses()
    {
        var none = new ConflictDeclaration(Application, Reviewer, false, null, false, Now);
        var conflict = new ConflictDeclaration(Application, Reviewer, true, "My sister chairs its board.", false, Now.AddHours(1));

        Assert.True(ConflictRules.MayTakePart(ConflictRules.Standing([none])));
        Assert.Equal(ConflictStanding.Conflicted, ConflictRules.Standing([none, conflict]));
        Assert.False(ConflictRules.MayTakePart(ConflictRules.Standing([none, conflict])));
    }

    [Fact]
    public void ConflictDeclaration_ConflictWithoutNote_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new ConflictDeclaration(Application, Reviewer, true, " ", true, Now));
        Assert.Equal("Describe the conflict of interest in a note.", error.Message);
    }

    [Fact]
    public void BalancedAssignment_SpreadsLoadEvenly_AndGivesEachApplicationTwoReviewers()
    {
        var applications = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var reviewers = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();

        var plan = BalancedAssignment.Balance(applications, reviewers, [], (_, _) => false);

        Assert.Empty(plan.Shortfalls);
        Assert.All(applications, a => Assert.Equal(2, plan.NewAssignments.Count(x => x.ApplicationId == a)));
        Assert.All(applications, a => Assert.Equal(2, plan.NewAssignments.Where(x => x.ApplicationId == a).Select(x => x.ReviewerId).Distinct().Count()));
        Assert.All(reviewers, r => Assert.Equal(4, plan.NewAssignments.Count(x => x.ReviewerId == r)));
    }

    [Fact]
    public void BalancedAssignment_NeverPicksAnExcludedReviewer_AndReportsTheShortfall()
    {
        var application = Guid.NewGuid();
        var (conflicted, free) = (Guid.NewGuid(), Guid.NewGuid());

        var plan = BalancedAssignment.Balance([application], [conflicted, free], [], (_, r) => r == conflicted);

        Assert.Equal([(application, free)], plan.NewAssignments);
        Assert.Equal(1, Assert.Single(plan.Shortfalls).Missing);
    }

    [Fact]
    public void BalancedAssignment_CountsExistingLoad_AndTopsUpOnly()
    {
        var (a1, a2) = (Guid.NewGuid(), Guid.NewGuid());
        var (busy, idle1, idle2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var plan = BalancedAssignment.Balance([a1, a2], [busy, idle1, idle2], [(a1, busy)], (_, _) => false);

        Assert.Equal(3, plan.NewAssignments.Count);
        Assert.DoesNotContain(plan.NewAssignments, x => x.ReviewerId == busy && x.ApplicationId == a1);
        var loads = new[] { busy, idle1, idle2 }.Select(r => plan.NewAssignments.Count(x => x.ReviewerId == r) + (r == busy ? 1 : 0)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }
}
