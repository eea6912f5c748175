using TrustFund.Application.Abstractions;
using TrustFund.Application.Identity;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// The tests' set-up hand: holds every staff role and the system's, belongs to no organisation and has no account, so it
/// passes every declaration that names a role and none that needs a person (a vote, an assessment) or an organisation.
/// Only set-up steps act as it; the tests of who may send what sign real people in.
/// </summary>
public sealed class TestOperator : ICurrentUser
{
    public static readonly TestOperator Instance = new();

    private TestOperator() { }

    public Guid? UserId => null;
    public string? UserName => null;
    public Guid? OrganisationId => null;
    public bool IsInRole(string role) => role == Roles.System || Roles.Staff.Contains(role);
}
