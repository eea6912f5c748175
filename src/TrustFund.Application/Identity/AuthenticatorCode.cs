using System.Security.Cryptography;

namespace TrustFund.Application.Identity;

/// <summary>
/// What an authenticator app shows (RFC 6238: HMAC-SHA1 of the 30-second step, six digits), computed here rather than
/// by Identity's provider because that one reads the system clock: the fund's check must take its time from the app's
/// <see cref="TimeProvider"/> like every other rule, so that tests (and a server whose clock is being corrected) agree with it.
/// </summary>
public static class AuthenticatorCode
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Identity's own tolerance: the codes of the two steps either side of now, for phones a minute off.</summary>
    public const int StepsTolerated = 2;

    public static string At(string base32Key, DateTimeOffset at) => Compute(FromBase32(base32Key), StepOf(at));

    /// <summary>The step whose code <paramref name="code"/> is, within the tolerance around <paramref name="now"/>; null when none.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        var key = FromBase32(base32Key);
        var current = StepOf(now);
        for (var offset = -StepsTolerated; offset <= StepsTolerated; offset++)
        {
            var expected = Compute(key, current + offset);
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code)))
                return current + offset;
        }
        return null;
    }

    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static DateTimeOffset MiddleOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * (long)Step.TotalSeconds + 15);

    private static string Compute(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var digit = alphabet.IndexOf(c);
            if (digit < 0) continue; // Identity's keys carry no separators, but a pasted key might
            value = (value << 5) | digit;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
