using TrustFund.Domain.Board;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Review;

public enum SessionFormat
{
    InPerson,
    Remote,
}

/// <summary>A meeting of the board on one call: the agenda of shortlisted applications and who attends.</summary>
public sealed class BoardSession : Entity
{
    private BoardSession() { }

    public BoardSession(Guid callId, DateOnly date, SessionFormat format, IEnumerable<Guid> presentTrustees, DateTimeOffset now)
    {
        CallId = callId;
        Date = date;
        Format = format;
        PresentTrusteeIds = presentTrustees.Distinct().ToList();
        CreatedAt = now;
    }

    public Guid CallId { get; private set; }
    public DateOnly Date { get; private set; }
    public SessionFormat Format { get; private set; }

    /// <summary>The trustees (user ids) attending: only they count towards quorum and may vote.</summary>
    public List<Guid> PresentTrusteeIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// The board's ballot on one application in one session. Votes are separate rows (<see cref="BoardVote"/>) so that
/// trustees voting at the same moment never overwrite each other; closing records the count.
/// </summary>
public sealed class SessionBallot : Entity
{
    private SessionBallot() { }

    public SessionBallot(Guid sessionId, Guid applicationId, int position)
    {
        SessionId = sessionId;
        ApplicationId = applicationId;
        Position = position;
    }

    public Guid SessionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int Position { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public BallotOutcome? Outcome { get; private set; }
    public int Approvals { get; private set; }
    public int Rejections { get; private set; }
    public int Abstentions { get; private set; }
    public int Eligible { get; private set; }
    public bool IsConsensus { get; private set; }

    /// <summary>Why the secretariat withdrew the ballot uncounted; null for a ballot counted or still open.</summary>
    public string? WithdrawalReason { get; private set; }

    public const int MaxWithdrawalReasonLength = 1000;

    /// <summary>Closed, counted or withdrawn: either way no longer open.</summary>
    public bool IsClosed => ClosedAt is not null;
    public bool IsWithdrawn => WithdrawalReason is not null;

    public void EnsureOpen()
    {
        if (IsWithdrawn) throw new DomainException("The ballot on this application was withdrawn.");
        if (IsClosed) throw new DomainException("The ballot on this application is closed.");
    }

    /// <summary>
    /// The secretariat takes the application off this session's vote (the applicant withdrew, it was decided through
    /// another session, it was put on the agenda by mistake): the ballot ends uncounted, with its reason, so it is no
    /// longer open (nobody is reminded of it, the application may go on another session's agenda) and the minutes say
    /// it was withdrawn and why.
    /// </summary>
    public void Withdraw(string reason, DateTimeOffset now)
    {
        EnsureOpen();
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException("Give the reason for withdrawing the ballot.");
        if (trimmed.Length > MaxWithdrawalReasonLength) throw new DomainException("Keep the reason under 1,000 characters.");
        ClosedAt = now;
        WithdrawalReason = trimmed;
    }

    public BallotResult Close(IEnumerable<BallotSeat> seats, DateTimeOffset now)
    {
        EnsureOpen();
        var result = Ballot.Count(seats);
        ClosedAt = now;
        Outcome = result.Outcome;
        Approvals = result.Approvals;
        Rejections = result.Rejections;
        Abstentions = result.Abstentions;
        Eligible = result.Eligible;
        IsConsensus = result.IsConsensus;
        return result;
    }
}

/// <summary>One vote as cast: a changed vote is a new row marked as a change, so every vote keeps its time.</summary>
public sealed class BoardVote : Entity
{
    private BoardVote() { }

    public BoardVote(Guid ballotId, Guid trusteeUserId, VoteChoice choice, bool isChange, DateTimeOffset now)
    {
        BallotId = ballotId;
        TrusteeUserId = trusteeUserId;
        Choice = choice;
        IsChange = isChange;
        CastAt = now;
    }

    public Guid BallotId { get; private set; }
    public Guid TrusteeUserId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public bool IsChange { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
}
