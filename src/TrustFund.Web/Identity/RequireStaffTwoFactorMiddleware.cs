using Microsoft.Extensions.Options;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Identity;

/// <summary>
/// A staff member without two-factor authentication can reach only the account pages until they set it up:
/// every other page sends them to the set-up page and comes back afterwards.
/// </summary>
public sealed class RequireStaffTwoFactorMiddleware(RequestDelegate next, IOptions<TwoFactorOptions> options, IWebHostEnvironment environment)
{
    public const string SetupPath = "/account/two-factor";

    public Task InvokeAsync(HttpContext context)
    {
        if (MustSetUpTwoFactor(context) && !IsAllowedMeanwhile(context.Request.Path))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }
        return next(context);
    }

    private bool MustSetUpTwoFactor(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !options.Value.RequireTwoFactorForStaff) return false;
        if (!Roles.Staff.Any(user.IsInRole)) return false;
        if (user.FindFirst(TrustFundClaims.TwoFactorEnabled)?.Value == "true") return false;
        var exempt = environment.IsDevelopment() && options.Value.ExemptDemoAccountsFromTwoFactor &&
                     user.FindFirst(TrustFundClaims.DemoAccount)?.Value == "true";
        return !exempt;
    }

    private static bool IsAllowedMeanwhile(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/health") || path.StartsWithSegments("/css") ||
        path.StartsWithSegments("/js") || path.StartsWithSegments("/error") || path == "/favicon.ico";
}
