using Microsoft.AspNetCore.Localization;

namespace TrustFund.Web.Localization;

/// <summary>A language picked with ?culture= sticks: it is remembered in the culture cookie for the next pages.</summary>
public sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var asked = context.Request.Query["culture"].ToString();
        if (SupportedCultures.All.Contains(asked)) Remember(context.Response, asked);
        return next(context);
    }

    /// <summary>
    /// Sets the culture cookie: from ?culture=, from the account's language when its owner signs in (on any browser),
    /// and when they change it on their account page. Kept a year from the browser's own clock (Max-Age), so no clock of
    /// the server's is read.
    /// </summary>
    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
