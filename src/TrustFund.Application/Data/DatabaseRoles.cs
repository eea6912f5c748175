namespace TrustFund.Application.Data;

/// <summary>
/// The two PostgreSQL roles every environment has. The owner runs the migrations and owns the schema; the application
/// connects as <see cref="Application"/>, which owns nothing and holds only the grants the migrations give it (on the
/// journal and the audit trail: INSERT and SELECT, nothing else). A deployment whose login role has another name makes
/// it a member: <c>GRANT trustfund_app TO my_login</c>.
/// </summary>
public static class DatabaseRoles
{
    public const string Application = "trustfund_app";
}
