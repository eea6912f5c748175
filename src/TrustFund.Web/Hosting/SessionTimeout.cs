namespace TrustFund.Web.Hosting;

/// <summary>
/// How long the person's sign-in has left, for the pages' timeout warning (site.js): two minutes before the session
/// ends they are told, offered to stay signed in (/account/keep-alive), and the draft they are typing is saved either
/// way. The cookie handler's sliding-expiration check (WebApp) records it on every signed-in request: the full session
/// when this request renews the cookie, what is left of it otherwise. Responses carry it in a header too, so that a page
/// whose autosave renewed the cookie moves its warning along.
/// </summary>
public static class SessionTimeout
{
    public const string Header = "X-Session-Expires-In";

    /// <summary>How long before the end the warning is shown.</summary>
    public static readonly TimeSpan WarnBefore = TimeSpan.FromMinutes(2);

    private static readonly object Key = new();

    public static void Remember(HttpContext context, TimeSpan left)
    {
        var seconds = (int)Math.Max(0, left.TotalSeconds);
        context.Items[Key] = seconds;
        context.Response.Headers[Header] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The seconds left, when this request was signed in by the cookie (not by an API token, not anonymous).</summary>
    public static int? SecondsLeft(HttpContext context) => context.Items.TryGetValue(Key, out var seconds) ? (int?)seconds : null;
}
