namespace TrustFund.Application.Authorization;

/// <summary>
/// Who may send a request, declared on the request type and checked once by <see cref="Behaviours.AuthorizationBehaviour{TMessage,TResponse}"/>
/// before validation and the handler, so that no page, endpoint or job can forget it. Several declarations on one request are
/// alternatives: the sender passes when one of them holds (the fund manager for every application, an applicant for their
/// organisation's). With no role named, any signed-in person passes (their own settings, notifications, tokens).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AuthorizeAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>What the sender must also be to the thing the request is about (see <see cref="Scope"/>).</summary>
    public Scope Scope { get; init; } = Scope.Any;
}

/// <summary>
/// Anyone may send it, signed in or not: the public pages (open calls, published grants, the IATI files), registration and
/// the forgotten-password form. Declared rather than implied, so that a request nobody thought about is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAttribute : Attribute;

public enum Scope
{
    /// <summary>The role is enough.</summary>
    Any,

    /// <summary>
    /// The sender belongs to an organisation and, when the request is about an application, an attachment, a grant or a
    /// grant report (<see cref="IAboutApplication"/> and the like), that thing is their organisation's.
    /// </summary>
    OwnOrganisation,

    /// <summary>The sender's account is linked to a donor and, when the request is about a donor or an issued report, it is theirs.</summary>
    OwnDonor,

    /// <summary>The sender has not declared a conflict of interest on the application (or its ballot) the request is about.</summary>
    NotRecused,
}
