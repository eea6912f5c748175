using TrustFund.Domain.Common;

namespace TrustFund.Domain.Board;

public enum VoteChoice
{
    Approve,
    Reject,
    Abstain,
}

/// <summary>What the board's ballot on one application leads to.</summary>
public enum BallotOutcome
{
    /// <summary>Fewer than three trustees present and not recused: the board cannot decide.</summary>
    NoQuorum,
    Recommended,
    NotRecommended,
}

/// <summary>
/// A trustee's place in the ballot on one application: present or not, recused (conflict of interest) or not,
/// and the vote cast so far, if any.
/// </summary>
public sealed record BallotSeat(Guid TrusteeId, bool Present, bool Recused, VoteChoice? Vote);

public sealed record BallotResult(
    int Eligible, int Approvals, int Rejections, int Abstentions, int NotVoted, bool HasQuorum, BallotOutcome Outcome, bool IsConsensus)
{
    /// <summary>Abstentions are not votes cast (see <see cref="Ballot.Count"/>).</summary>
    public int VotesCast => Approvals + Rejections;
}

/// <summary>The board's ballot arithmetic, kept pure so that sessions, reports and tests all count the same way.</summary>
public static class Ballot
{
    /// <summary>DOMAIN.md section 6: 3 trustees present and not recused on the application.</summary>
    public const int Quorum = 3;

    /// <summary>
    /// Counts the ballot on one application.
    /// <list type="bullet">
    /// <item>Quorum: at least <see cref="Quorum"/> trustees present and not recused. Absent or recused trustees do not
    /// count towards it, and may not vote.</item>
    /// <item>Decision: simple majority of votes cast. We take "votes cast" to mean approvals and rejections only: an
    /// abstention is a choice not to take part in the decision (the UN General Assembly's rules of procedure likewise
    /// count members who abstain "as not voting"), so it neither helps nor blocks a majority. Approval needs more approvals than
    /// rejections; a tie, or no vote cast at all (everyone abstained), is no majority, so the application is not
    /// recommended.</item>
    /// <item>Consensus: every eligible trustee voted, all the same way (approve or reject). An abstention or a
    /// missing vote breaks unanimity; without quorum there is no consensus.</item>
    /// </list>
    /// </summary>
    public static BallotResult Count(IEnumerable<BallotSeat> seats)
    {
        var all = seats.ToList();
        if (all.GroupBy(s => s.TrusteeId).Any(g => g.Count() > 1))
            throw new DomainException("A trustee has only one vote on an application.");
        if (all.Any(s => s.Vote is not null && (s.Recused || !s.Present)))
            throw new DomainException("Only a trustee present and not recused can vote on an application.");

        var eligible = all.Where(s => s.Present && !s.Recused).ToList();
        var approvals = eligible.Count(s => s.Vote == VoteChoice.Approve);
        var rejections = eligible.Count(s => s.Vote == VoteChoice.Reject);
        var abstentions = eligible.Count(s => s.Vote == VoteChoice.Abstain);
        var notVoted = eligible.Count(s => s.Vote is null);
        var hasQuorum = eligible.Count >= Quorum;

        var outcome = !hasQuorum ? BallotOutcome.NoQuorum
            : approvals > rejections ? BallotOutcome.Recommended
            : BallotOutcome.NotRecommended;
        var consensus = hasQuorum && (approvals == eligible.Count || rejections == eligible.Count);
        return new BallotResult(eligible.Count, approvals, rejections, abstentions, notVoted, hasQuorum, outcome, consensus);
    }
}
