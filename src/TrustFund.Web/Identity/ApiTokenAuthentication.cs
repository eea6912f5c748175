using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Security;

namespace TrustFund.Web.Identity;

public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";

    /// <summary>The claim naming what the token may do (ApiToken.ReadScope).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Picks the scheme by path: API tokens under /api, the sign-in cookie everywhere else.</summary>
    public const string ByPathScheme = "ApiTokenOrCookie";

    /// <summary>
    /// /api accepts only "Authorization: Bearer tf_..." and ignores the sign-in cookie: a page open in a browser
    /// must not lend its session to scripts, and an API client gets a plain 401 instead of a redirect to the login page.
    /// The pages ignore bearer tokens, so a token never opens a page.
    /// </summary>
    public static AuthenticationBuilder AddApiTokenAuthentication(this IServiceCollection services) =>
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = ByPathScheme;
                o.DefaultChallengeScheme = ByPathScheme;
                o.DefaultForbidScheme = ByPathScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, null)
            .AddPolicyScheme(ByPathScheme, "API token on /api, cookie elsewhere", o => o.ForwardDefaultSelector =
                context => IsApi(context.Request.Path) ? Scheme : IdentityConstants.ApplicationScheme);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}

/// <summary>
/// Accepts a personal API token and signs the request in as its owner, with the same claims as the cookie sign-in.
/// Refused: unknown, revoked or expired tokens, locked-out accounts, and staff without two-factor authentication.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, TrustFundDbContext db, UserManager<ApplicationUser> users, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    TimeProvider clock, IOptions<TwoFactorOptions> twoFactor, AuthenticationLog log)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    // Recording every request's use would write a row per request; once a minute tells the owner as much.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiTokenAuthentication.IsApi(Request.Path)) return AuthenticateResult.NoResult();
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header[BearerPrefix.Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)) return Refused("Not a TrustFund API token.");

        var now = clock.GetUtcNow();
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null || !token.IsActiveAt(now)) return Refused("The API token is unknown, revoked or expired.");

        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) return Refused("The account is locked out.");
        var principal = await claims.CreateAsync(user);
        if (twoFactor.Value.RequireTwoFactorForStaff && Roles.Staff.Any(principal.IsInRole) && !user.TwoFactorEnabled)
            return Refused("Staff API tokens need two-factor authentication on the account.");
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(ApiTokenAuthentication.ScopeClaim, ApiToken.ReadScope));
        log.TokenUsed(user.Id, token.Id);

        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedPrecision)
        {
            // A direct update: a token's use is not a change anyone needs in the audit trail.
            DateTimeOffset? lastUsed = now;
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, lastUsed), Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokenAuthentication.Scheme));
    }

    private AuthenticateResult Refused(string reason)
    {
        log.TokenRefused(reason);
        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"TrustFund\"";
        await Results.Problem(statusCode: 401, title: "Unauthorized",
            detail: "Send a personal API token: Authorization: Bearer tf_... (create one at /account/api-tokens).").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: 403, title: "Forbidden", detail: "Your roles do not allow this.").ExecuteAsync(Context);
}
