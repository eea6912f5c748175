using TrustFund.Domain.Common;
using TrustFund.Domain.Security;

namespace TrustFund.UnitTests.Security;

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_GivesARecognisableSecret_AndKeepsOnlyItsHash()
    {
        var (token, secret) = ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, null);

        Assert.Matches("^tf_[A-Za-z0-9_-]{43}$", secret); // 32 random bytes, base64url without padding
        Assert.Equal(64, token.TokenHash.Length);
        Assert.Equal(ApiToken.HashOf(secret), token.TokenHash);
        Assert.DoesNotContain(secret[3..], token.TokenHash);
        Assert.NotEqual(secret, ApiToken.Issue(Guid.NewGuid(), "Other", Now, null).Secret);
    }

    [Fact]
    public void IsActiveAt_StopsAtTheExpiry_AndOnRevocation()
    {
        var (token, _) = ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, Now.AddDays(1));

        Assert.True(token.IsActiveAt(Now.AddDays(1).AddTicks(-1)));
        Assert.False(token.IsActiveAt(Now.AddDays(1)));
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsActiveAt(Now.AddHours(2)));
        Assert.Throws<DomainException>(() => token.Revoke(Now.AddHours(3)));
    }

    [Fact]
    public void Issue_WithoutExpiry_LastsNinetyDays_AndLongerIsRefused()
    {
        var (token, _) = ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, null);

        Assert.Equal(Now.AddDays(90), token.ExpiresAt);
        Assert.False(token.IsActiveAt(Now.AddDays(90)));
        Assert.NotNull(ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, Now.AddDays(90)).Token);
        Assert.Throws<DomainException>(() => ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, Now.AddDays(90).AddSeconds(1)));
    }

    [Fact]
    public void Issue_ExpiryInThePast_OrNoName_IsRefused()
    {
        Assert.Throws<DomainException>(() => ApiToken.Issue(Guid.NewGuid(), "Dashboard", Now, Now));
        Assert.Throws<DomainException>(() => ApiToken.Issue(Guid.NewGuid(), " ", Now, null));
    }
}
