using TrustFund.Domain.Common;

namespace TrustFund.Domain.Review;

/// <summary>One reviewer asked to assess one application of a call.</summary>
public sealed class ReviewAssignment : Entity
{
    private ReviewAssignment() { }

    public ReviewAssignment(Guid callId, Guid applicationId, Guid reviewerUserId, DateTimeOffset now, string? by)
    {
        CallId = callId;
        ApplicationId = applicationId;
        ReviewerUserId = reviewerUserId;
        AssignedAt = now;
        AssignedBy = by;
    }

    public Guid CallId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ReviewerUserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public string? AssignedBy { get; private set; }
}

/// <summary>
/// Spreads a call's applications over its reviewers: each application gets <c>perApplication</c> reviewers (at least
/// two), each time the least-loaded reviewer who is neither already on it nor excluded (pre-flagged or declared
/// conflicted). Ties go to the reviewer listed first, so the result is repeatable.
/// </summary>
public static class BalancedAssignment
{
    public const int MinimumReviewers = 2;

    public sealed record Shortfall(Guid ApplicationId, int Missing);

    public sealed record Plan(IReadOnlyList<(Guid ApplicationId, Guid ReviewerId)> NewAssignments, IReadOnlyList<Shortfall> Shortfalls);

    public static Plan Balance(IReadOnlyList<Guid> applications, IReadOnlyList<Guid> reviewers,
        IReadOnlyCollection<(Guid ApplicationId, Guid ReviewerId)> existing, Func<Guid, Guid, bool> excluded, int perApplication = MinimumReviewers)
    {
        if (perApplication < MinimumReviewers)
            throw new DomainException("Each application needs at least two reviewers.");
        var load = reviewers.ToDictionary(r => r, r => existing.Count(e => e.ReviewerId == r));
        var order = reviewers.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var added = new List<(Guid, Guid)>();
        var shortfalls = new List<Shortfall>();
        foreach (var application in applications)
        {
            var on = existing.Where(e => e.ApplicationId == application).Select(e => e.ReviewerId).ToHashSet();
            while (on.Count < perApplication)
            {
                var next = reviewers.Where(r => !on.Contains(r) && !excluded(application, r))
                    .OrderBy(r => load[r]).ThenBy(r => order[r]).Cast<Guid?>().FirstOrDefault();
                if (next is not { } reviewer)
                {
                    shortfalls.Add(new Shortfall(application, perApplication - on.Count));
                    break;
                }
                on.Add(reviewer);
                load[reviewer]++;
                added.Add((application, reviewer));
            }
        }
        return new Plan(added, shortfalls);
    }
}
