using System.Security.Claims;
using TrustFund.Application.Abstractions;

namespace TrustFund.Web.Identity;

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserName => Principal?.Identity?.Name;
    public Guid? OrganisationId => Guid.TryParse(Principal?.FindFirstValue(TrustFundClaims.OrganisationId), out var id) ? id : null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
