using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Identity;

/// <summary>
/// An authenticator code is accepted once. Identity accepts any code of the last and next minute; a code seen over
/// someone's shoulder, or replayed from a captured request, would sign in again. So the codes accepted in the last
/// five minutes (longer than any code stays valid) are kept with the account, and a code among them is refused.
/// The code is checked against the app's clock (<see cref="AuthenticatorCode"/>), not the system's as Identity's base does.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    private const string Store = "TrustFund";
    private const string UsedCodes = "UsedAuthenticatorCodes";
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", "").Replace("-", "");
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        if (AuthenticatorCode.MatchingStep(key, code, clock.GetUtcNow()) is null) return false;
        token = code;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var used = Parse(await manager.GetAuthenticationTokenAsync(user, Store, UsedCodes))
            .Where(u => now - u.At < Remembered.TotalSeconds).ToList();
        if (used.Any(u => u.Code == token)) return false;
        used.Add((token, now));
        // Saving updates the account's concurrency stamp: of two requests racing with the same code, one fails here.
        var saved = await manager.SetAuthenticationTokenAsync(user, Store, UsedCodes,
            string.Join(';', used.Select(u => $"{u.Code}@{u.At.ToString(CultureInfo.InvariantCulture)}")));
        return saved.Succeeded;
    }

    private static IEnumerable<(string Code, long At)> Parse(string? stored) =>
        (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.Split('@'))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
            .Select(parts => (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)));
}
