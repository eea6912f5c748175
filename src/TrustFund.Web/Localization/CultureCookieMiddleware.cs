using Microsoft.AspNetCore.Localization;

namespace TrustFund.Web.Localization;

/// <summary>A language picked with ?culture= sticks: it is remembered in the culture cookie for the next pages.</summary>
public sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var asked = context.Request.Query["culture"].ToString();
        if (SupportedCultures.All.Contains(asked))
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return next(context);
    }
}
