using System.Security.Cryptography;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Security;

/// <summary>
/// A personal API token: a person's standing permission for a program to read the API as them. Only the SHA-256
/// of the secret is kept, so a copy of the database does not hand out working tokens.
/// </summary>
public sealed class ApiToken : Entity
{
    /// <summary>Every token starts with this, so a leaked one is recognisable (and secret scanners can find it).</summary>
    public const string Prefix = "tf_";

    /// <summary>A forgotten token in a script stops working by itself within this time.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    /// <summary>What every token may do: read the API (which has no writing endpoints), and nothing else.</summary>
    public const string ReadScope = "read";

    private ApiToken() { }

    private ApiToken(Guid userId, string name, string tokenHash, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Give the token a name, so you know later what it is for.");
        if (expiresAt is { } expiry && expiry <= now) throw new DomainException("The expiry date must be in the future.");
        if (expiresAt > now + MaxLifetime) throw new DomainException("A token works for at most 90 days: choose an earlier expiry date.");
        UserId = userId;
        Name = name.Trim();
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt ?? now + MaxLifetime;
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token text; the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a token (by default for the longest time allowed) and returns its secret, which the caller shows once and then forgets.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken(userId, name, HashOf(secret), now, expiresAt), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) throw new DomainException("This token is already revoked.");
        RevokedAt = now;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
