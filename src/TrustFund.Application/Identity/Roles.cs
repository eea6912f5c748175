namespace TrustFund.Application.Identity;

public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Trustee = "Trustee";
    public const string FundManager = "FundManager";
    public const string CertifyingOfficer = "CertifyingOfficer";
    public const string ApprovingOfficer = "ApprovingOfficer";
    public const string Donor = "Donor";
    public const string Admin = "Admin";

    /// <summary>
    /// Not a role a person can hold (it is not in <see cref="All"/>, which the role forms accept): the identity of the jobs
    /// and verbs (<see cref="Authorization.SystemUser"/>), for the requests they send.
    /// </summary>
    public const string System = "System";

    public static readonly string[] All =
        [Applicant, Trustee, FundManager, CertifyingOfficer, ApprovingOfficer, Donor, Admin];

    /// <summary>Roles that act for the fund and must therefore sign in with a second factor.</summary>
    public static readonly string[] Staff = [Trustee, FundManager, CertifyingOfficer, ApprovingOfficer, Admin];
}
