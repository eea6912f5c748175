using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using TrustFund.Infrastructure.Database;
using TrustFund.Web.Api;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// A request the database could not answer, even after the retries inside it, gets a definite "try again": 503 with
/// Retry-After, a short page in the reader's language saying that what they last saved is safe, or problem details for
/// the API. Never the generic error page, which cannot tell the client whether to send again.
/// </summary>
/// <remarks>
/// The page is written here rather than by a Razor page: rendering one goes through the pipeline again (sign-in checks
/// that read the database), and this answer must work exactly when the database does not.
/// </remarks>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    /// <summary>Long enough for PostgreSQL to restart or fail over, short enough for a person to wait.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseResilience.IsUnavailable(e) && !context.Response.HasStarted)
        {
            logger.LogWarning(e, "The database could not answer {Method} {Path}; answered 503.", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments(ApiRoutes.Prefix))
                await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                    detail: $"The database cannot be reached. Send the request again after {RetryAfterSeconds} seconds (Retry-After).").ExecuteAsync(context);
            else
                await WritePageAsync(context, text);
        }
    }

    private static async Task WritePageAsync(HttpContext context, IStringLocalizer text)
    {
        // The app's encoder, which writes é and ñ as they are (WebUtility would write &#233;).
        var html = context.RequestServices.GetRequiredService<HtmlEncoder>();
        var title = html.Encode(text["The service is briefly unavailable"]);
        var safe = html.Encode(text["The last version you saved is safe. What you sent just now may not have been recorded: please try again in a minute."]);
        var again = html.Encode(text["Try again"]);
        var here = html.Encode(context.Request.Method == HttpMethods.Get ? context.Request.Path + context.Request.QueryString : context.Request.Path.ToString());
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><h1>{title}</h1><p>{safe}</p><p><a href="{here}">{again}</a></p></main></body>
            </html>
            """);
    }
}
