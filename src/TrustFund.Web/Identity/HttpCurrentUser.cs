using System.Security.Claims;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Identity;

/// <summary>The signed-in person of the request, unless the scope was told to act for the system (a job, a verb).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, ActingUser acting) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? UserId => acting.Actor is { } actor ? actor.UserId
        : Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserName => acting.Actor is { } actor ? actor.UserName : Principal?.Identity?.Name;
    public Guid? OrganisationId => acting.Actor is { } actor ? actor.OrganisationId
        : Guid.TryParse(Principal?.FindFirstValue(TrustFundClaims.OrganisationId), out var id) ? id : null;

    // A person never holds the system's pseudo-role, whatever a cookie or token might claim.
    public bool IsInRole(string role) => acting.Actor is { } actor ? actor.IsInRole(role)
        : role != Roles.System && Principal?.IsInRole(role) == true;
}
