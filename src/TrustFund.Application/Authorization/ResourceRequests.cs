namespace TrustFund.Application.Authorization;

// What a request is about, for the scoped declarations (own organisation, own donor, not recused) to check whose it is.
// A request names its id as the interface does; one whose property has another name implements the interface explicitly.

public interface IAboutApplication
{
    Guid ApplicationId { get; }
}

public interface IAboutAttachment
{
    Guid AttachmentId { get; }
}

public interface IAboutGrant
{
    Guid GrantId { get; }
}

public interface IAboutGrantReport
{
    Guid ReportId { get; }
}

public interface IAboutBallot
{
    Guid BallotId { get; }
}

public interface IAboutDonor
{
    Guid DonorId { get; }
}

public interface IAboutIssuedReport
{
    Guid IssuedReportId { get; }
}
