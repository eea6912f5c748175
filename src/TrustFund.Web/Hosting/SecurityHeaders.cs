namespace TrustFund.Web.Hosting;

/// <summary>
/// The headers every answer carries, pages, files, API, errors and redirects alike. The policy allows scripts, styles,
/// fonts and fetches from this site only, with no inline script or style (site.js binds every handler), so injected
/// markup cannot run; no page may be framed, so the certify and approve buttons cannot be clickjacked; a reset link's
/// token never leaves the site in a Referer header.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>
    /// The Hangfire dashboard (Admin only) colours its job states with inline style attributes and its charts inject a
    /// style element; a nonce cannot cover an attribute, so its pages alone may use inline styles. Scripts stay as strict
    /// as everywhere: an injected style can restyle a page, an injected script could act for the administrator.
    /// </summary>
    public const string DashboardPath = "/hangfire";

    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Decided before the dashboard runs: its middleware moves the path into PathBase while it answers.
        var dashboard = context.Request.Path.StartsWithSegments(DashboardPath);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = dashboard ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // for browsers older than frame-ancestors
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
