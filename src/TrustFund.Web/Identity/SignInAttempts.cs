using System.Threading.RateLimiting;

namespace TrustFund.Web.Identity;

/// <summary>
/// How many sign-in, second-factor and password-reset attempts one account may receive a minute, whatever addresses
/// they come from (the per-address limit is the "login" rate-limiting policy). Pages call it once they know the
/// account the attempt is for; a refused attempt answers 429, shown as the error page in the reader's language.
/// </summary>
public sealed class SignInAttempts(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Security:LoginAttemptsPerAccountPerMinute", 5),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when one more attempt for this account (an e-mail address or a user id) may go ahead now.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
