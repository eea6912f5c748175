namespace TrustFund.Application.Abstractions;

/// <summary>Who is acting: the signed-in person, or nobody for jobs and seeding.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? OrganisationId { get; }
    bool IsInRole(string role);
}
