using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Identity;

public static class TrustFundClaims
{
    public const string OrganisationId = "tf:organisation";
    public const string TwoFactorEnabled = "tf:2fa";
    public const string DemoAccount = "tf:demo";
    public const string Language = "tf:language";
}

/// <summary>Puts what every request needs into the sign-in cookie, so pages need not load the user each time.</summary>
public sealed class TrustFundClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation) identity.AddClaim(new Claim(TrustFundClaims.OrganisationId, organisation.ToString()));
        identity.AddClaim(new Claim(TrustFundClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(TrustFundClaims.Language, user.PreferredLanguage));
        if (user.IsDemoAccount) identity.AddClaim(new Claim(TrustFundClaims.DemoAccount, "true"));
        identity.AddClaim(new Claim("tf:name", user.DisplayName));
        return identity;
    }
}
