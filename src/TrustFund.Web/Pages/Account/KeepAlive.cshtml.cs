using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Account;

/// <summary>
/// "Stay signed in" on the timeout warning (SessionTimeout, site.js): the sign-in cookie is issued again for a whole
/// session, with the same identity and claims, and the answer says how long that is. A post with the antiforgery token,
/// so that no other site can keep someone's session open.
/// </summary>
[Authorize]
public sealed class KeepAliveModel(IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync()
    {
        var signedIn = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded) return Unauthorized();
        // Without its old dates the ticket is dated now and lasts a whole session (the cookie handler fills them in).
        var properties = signedIn.Properties;
        properties.IssuedUtc = null;
        properties.ExpiresUtc = null;
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, signedIn.Principal, properties);
        var session = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        SessionTimeout.Remember(HttpContext, session);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { expiresIn = (int)session.TotalSeconds });
    }
}
