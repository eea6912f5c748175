using TrustFund.Application.Abstractions;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Authorization;

/// <summary>
/// The fund itself, acting without a person: the scheduled jobs, the command-line verbs and the seeding of demo data.
/// It holds the pseudo-role <see cref="Roles.System"/> and nothing else, so it passes only the declarations that name it.
/// </summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    private SystemUser() { }

    public Guid? UserId => null;
    public string? UserName => null;
    public Guid? OrganisationId => null;
    public bool IsInRole(string role) => role == Roles.System;
}

/// <summary>
/// Who a scope acts for when no signed-in person does: a job or a verb says so explicitly (<see cref="AsSystem"/>) before it
/// sends its request, rather than the check being skipped for whoever has no request context. The host's
/// <see cref="ICurrentUser"/> asks this first.
/// </summary>
public sealed class ActingUser
{
    public ICurrentUser? Actor { get; private set; }

    public void AsSystem() => Actor = SystemUser.Instance;

    /// <summary>Acts as someone set up in code (tests' set-up steps): never from anything a request carries.</summary>
    public void As(ICurrentUser actor) => Actor = actor;
}
