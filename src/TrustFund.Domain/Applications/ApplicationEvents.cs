using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications;

/// <summary>
/// The fund decided on the application (eligible or not, shortlisted, reserve list, not selected, approved, rejected):
/// the applicant is told, with <see cref="Said"/>, the words the secretariat wrote for it (empty when it wrote none).
/// </summary>
public sealed record ApplicationDecided(Guid ApplicationId, Guid OrganisationId, string ReferenceNumber, ApplicationStatus Status, string Said)
    : IDomainEvent;

/// <summary>The applicant submitted before the deadline: the person who submitted gets a receipt with the reference number.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, Guid CallId, string ReferenceNumber, DateTimeOffset SubmittedAt) : IDomainEvent;
