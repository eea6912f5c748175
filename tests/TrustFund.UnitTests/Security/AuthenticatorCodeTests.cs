using TrustFund.Application.Identity;

namespace TrustFund.UnitTests.Security;

/// <summary>The fund computes authenticator codes itself (on the app's clock): they must be what every authenticator app shows.</summary>
public sealed class AuthenticatorCodeTests
{
    // RFC 6238 appendix B, SHA-1, key "12345678901234567890" (Base32 below); the RFC prints eight digits, phones show the last six.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Code_IsTheRfc6238TestVector(long unixSeconds, string expected) =>
        Assert.Equal(expected, AuthenticatorCode.At(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void ACode_MatchesWithinTwoStepsEitherSide_AndNotBeyond()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = AuthenticatorCode.StepOf(now);
        for (var offset = -2; offset <= 2; offset++)
            Assert.Equal(step + offset, AuthenticatorCode.MatchingStep(RfcKey, AuthenticatorCode.At(RfcKey, AuthenticatorCode.MiddleOf(step + offset)), now));
        Assert.Null(AuthenticatorCode.MatchingStep(RfcKey, AuthenticatorCode.At(RfcKey, AuthenticatorCode.MiddleOf(step + 3)), now));
        Assert.Null(AuthenticatorCode.MatchingStep(RfcKey, AuthenticatorCode.At(RfcKey, AuthenticatorCode.MiddleOf(step - 3)), now));
    }
}
