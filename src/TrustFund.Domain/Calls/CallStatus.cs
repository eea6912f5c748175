namespace TrustFund.Domain.Calls;

public enum CallStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
    UnderReview = 3,
    Decided = 4,
    Archived = 5,
}
