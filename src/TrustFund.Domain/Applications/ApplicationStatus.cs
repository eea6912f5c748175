namespace TrustFund.Domain.Applications;

/// <summary>DOMAIN.md section 5: an application's life from draft to decision.</summary>
public enum ApplicationStatus
{
    Draft = 0,
    Submitted = 1,
    Eligible = 2,
    Ineligible = 3,
    UnderReview = 4,
    Shortlisted = 5,
    ReserveList = 6,
    NotSelected = 7,
    Recommended = 8,
    Approved = 9,
    Rejected = 10,
    Withdrawn = 11,
}
