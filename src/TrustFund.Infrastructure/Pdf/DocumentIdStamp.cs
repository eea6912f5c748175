using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Makes the file identifier reproducible. For PDF/A, Skia writes a UUID made from the clock and
/// memory addresses into the trailer /ID and the XMP DocumentID/InstanceID. That UUID is replaced by
/// the first 16 bytes of a SHA-256 of the file with the UUID blanked out: identical content gives
/// identical bytes, different content a different ID.
/// In the XMP the UUID is always text of a fixed length, so no offset moves there. In the trailer Skia
/// writes the 16 bytes as &lt;hex&gt; or, when that is shorter, as a (literal) string; the array is
/// rewritten as hex in both cases, which is safe because the trailer follows the cross-reference table
/// (nothing points past it).
/// </summary>
internal static class DocumentIdStamp
{
    private const string XmpMarker = "<xmpMM:DocumentID>uuid:";
    private const string TrailerMarker = "/ID [";
    private static readonly string ZeroUuid = Uuid(new string('0', 32));

    public static byte[] Apply(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        int xmp = text.IndexOf(XmpMarker, StringComparison.Ordinal);
        int trailer = text.LastIndexOf(TrailerMarker, StringComparison.Ordinal);
        if (xmp < 0 && trailer < 0) return pdf; // no identifier written: nothing time-based to replace

        // Blank the identifier everywhere: the UUID in the XMP (same length) and the trailer's array (rewritten as hex).
        var blank = new StringBuilder(text);
        int arrayEnd = trailer < 0 ? -1 : ArrayEnd(text, trailer + TrailerMarker.Length);
        if (arrayEnd > 0) blank.Remove(trailer, arrayEnd - trailer).Insert(trailer, TrailerArray(new string('0', 32)));
        if (xmp >= 0) blank.Replace(text.Substring(xmp + XmpMarker.Length, 36), ZeroUuid);
        string blanked = blank.ToString();

        string stable = Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(blanked)), 0, 16);
        var stamped = new StringBuilder(blanked).Replace(ZeroUuid, Uuid(stable.ToLowerInvariant()));
        if (arrayEnd > 0)
        {
            int at = blanked.LastIndexOf(TrailerMarker, StringComparison.Ordinal);
            stamped.Remove(at, TrailerArray(new string('0', 32)).Length).Insert(at, TrailerArray(stable));
        }
        return Encoding.Latin1.GetBytes(stamped.ToString());
    }

    private static string TrailerArray(string hex32) => $"{TrailerMarker}<{hex32}> <{hex32}>]";

    /// <summary>The index just past the "]" closing the /ID array whose contents start at <paramref name="at"/>; -1 if unreadable.</summary>
    private static int ArrayEnd(string text, int at)
    {
        while (at < text.Length)
        {
            char c = text[at];
            if (c == ']') return at + 1;
            if (c == '<') { int close = text.IndexOf('>', at); if (close < 0) return -1; at = close + 1; }
            else if (c == '(')
            {
                // A literal string: balanced parentheses, a backslash escapes the next character.
                int depth = 0;
                for (; at < text.Length; at++)
                {
                    if (text[at] == '\\') { at++; continue; }
                    if (text[at] == '(') depth++;
                    else if (text[at] == ')' && --depth == 0) break;
                }
                at++;
            }
            else at++;
        }
        return -1;
    }

    private static string Uuid(string hex32) =>
        $"{hex32[..8]}-{hex32[8..12]}-{hex32[12..16]}-{hex32[16..20]}-{hex32[20..]}";
}
