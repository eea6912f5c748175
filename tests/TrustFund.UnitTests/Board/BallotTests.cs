using TrustFund.Domain.Board;
using TrustFund.Domain.Common;
using static TrustFund.Domain.Board.VoteChoice;

namespace TrustFund.UnitTests.Board;

public sealed class BallotTests
{
    private static BallotSeat Voting(VoteChoice? vote) => new(Guid.NewGuid(), Present: true, Recused: false, vote);
    private static BallotSeat Recused() => new(Guid.NewGuid(), Present: true, Recused: true, null);
    private static BallotSeat Absent() => new(Guid.NewGuid(), Present: false, Recused: false, null);

    [Fact]
    public void Count_ThreeApprovalsTwoRejections_IsRecommended_WithoutConsensus()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Approve), Voting(Reject), Voting(Reject)]);
        Assert.True(result.HasQuorum);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
        Assert.False(result.IsConsensus);
        Assert.Equal((3, 2, 5), (result.Approvals, result.Rejections, result.VotesCast));
    }

    [Fact]
    public void Count_ATie_IsNoMajority_SoNotRecommended()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Reject), Voting(Reject)]);
        Assert.True(result.HasQuorum);
        Assert.Equal(BallotOutcome.NotRecommended, result.Outcome);
    }

    [Fact]
    public void Count_ATieAfterAbstentions_IsNotRecommended()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Reject), Voting(Abstain), Voting(Abstain), Voting(Abstain)]);
        Assert.Equal(BallotOutcome.NotRecommended, result.Outcome);
        Assert.Equal(2, result.VotesCast);
        Assert.Equal(3, result.Abstentions);
    }

    [Fact]
    public void Count_AbstentionsAreNotVotesCast_SoOneApprovalAgainstNoRejectionCarries()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Abstain), Voting(Abstain), Voting(Abstain)]);
        Assert.True(result.HasQuorum);
        Assert.Equal(1, result.VotesCast);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
        Assert.False(result.IsConsensus);
    }

    [Fact]
    public void Count_TwoApprovalsOneRejectionTwoAbstentions_IsRecommended_ThoughApprovalsAreNoMajorityOfThosePresent()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Reject), Voting(Abstain), Voting(Abstain)]);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
    }

    [Fact]
    public void Count_EveryoneAbstains_IsNoMajority_SoNotRecommended()
    {
        var result = Ballot.Count([Voting(Abstain), Voting(Abstain), Voting(Abstain)]);
        Assert.True(result.HasQuorum);
        Assert.Equal(0, result.VotesCast);
        Assert.Equal(BallotOutcome.NotRecommended, result.Outcome);
        Assert.False(result.IsConsensus);
    }

    [Fact]
    public void Count_UnanimousApproval_IsAConsensusRecommendation()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Approve), Voting(Approve), Voting(Approve)]);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
        Assert.True(result.IsConsensus);
    }

    [Fact]
    public void Count_UnanimousRejection_IsAConsensusAgainst()
    {
        var result = Ballot.Count([Voting(Reject), Voting(Reject), Voting(Reject), Recused()]);
        Assert.Equal(BallotOutcome.NotRecommended, result.Outcome);
        Assert.True(result.IsConsensus);
    }

    [Fact]
    public void Count_UnanimousAmongThoseVoting_ButOneAbstains_IsNoConsensus()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Approve), Voting(Abstain)]);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
        Assert.False(result.IsConsensus);
    }

    [Fact]
    public void Count_RecusalsLeavingTwo_HasNoQuorum_EvenIfBothApprove()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Recused(), Recused(), Recused()]);
        Assert.False(result.HasQuorum);
        Assert.Equal(2, result.Eligible);
        Assert.Equal(BallotOutcome.NoQuorum, result.Outcome);
        Assert.False(result.IsConsensus);
    }

    [Fact]
    public void Count_RecusalsLeavingExactlyThree_HasQuorum()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Voting(Reject), Recused(), Recused()]);
        Assert.True(result.HasQuorum);
        Assert.Equal(3, result.Eligible);
        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
    }

    [Fact]
    public void Count_AbsencesAndARecusalLeavingTwo_HasNoQuorum()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Approve), Absent(), Absent(), Recused()]);
        Assert.Equal(BallotOutcome.NoQuorum, result.Outcome);
    }

    [Fact]
    public void Count_ThreePresentOneNotYetVoted_CountsOnlyTheVotesCast()
    {
        var result = Ballot.Count([Voting(Approve), Voting(Reject), Voting(null)]);
        Assert.True(result.HasQuorum);
        Assert.Equal(1, result.NotVoted);
        Assert.Equal(BallotOutcome.NotRecommended, result.Outcome);
        Assert.False(result.IsConsensus);
    }

    [Fact]
    public void Count_AVoteFromARecusedOrAbsentTrustee_IsRefused()
    {
        var recusedVoter = new BallotSeat(Guid.NewGuid(), Present: true, Recused: true, Approve);
        var absentVoter = new BallotSeat(Guid.NewGuid(), Present: false, Recused: false, Approve);
        const string message = "Only a trustee present and not recused can vote on an application.";
        Assert.Equal(message, Assert.Throws<DomainException>(() => Ballot.Count([Voting(Approve), Voting(Approve), recusedVoter])).Message);
        Assert.Equal(message, Assert.Throws<DomainException>(() => Ballot.Count([Voting(Approve), Voting(Approve), absentVoter])).Message);
    }

    [Fact]
    public void Count_TheSameTrusteeTwice_IsRefused()
    {
        var seat = Voting(Approve);
        var error = Assert.Throws<DomainException>(() => Ballot.Count([seat, seat, Voting(Approve)]));
        Assert.Equal("A trustee has only one vote on an application.", error.Message);
    }

    [Fact]
    public void Count_NoTrusteeAtAll_HasNoQuorum()
    {
        var result = Ballot.Count([]);
        Assert.Equal(BallotOutcome.NoQuorum, result.Outcome);
        Assert.Equal(0, result.Eligible);
    }
}
