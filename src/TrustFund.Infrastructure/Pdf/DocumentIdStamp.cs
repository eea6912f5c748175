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
    private static readonly byte[] XmpMarker = "<xmpMM:DocumentID>uuid:"u8.ToArray();
    private static readonly byte[] TrailerMarker = "/ID ["u8.ToArray();
    private static readonly byte[] ZeroUuid = Encoding.ASCII.GetBytes(Uuid(new string('0', 32)));
    private static readonly byte[] ZeroTrailerArray = Encoding.ASCII.GetBytes(TrailerArray(new string('0', 32)));

    /// <remarks>Works on the bytes, one copy of the file: a report of a few hundred pages is a large object, and text
    /// copies of it were most of the garbage a render made.</remarks>
    public static byte[] Apply(byte[] pdf)
    {
        ReadOnlySpan<byte> file = pdf;
        int xmp = file.IndexOf(XmpMarker);
        int trailer = file.LastIndexOf(TrailerMarker);
        if (xmp < 0 && trailer < 0) return pdf; // no identifier written: nothing time-based to replace

        // Blank the identifier everywhere: the UUID in the XMP (same length) and the trailer's array (rewritten as hex).
        int arrayEnd = trailer < 0 ? -1 : ArrayEnd(file, trailer + TrailerMarker.Length);
        byte[] stamped;
        if (arrayEnd > 0)
        {
            stamped = new byte[pdf.Length - (arrayEnd - trailer) + ZeroTrailerArray.Length];
            file[..trailer].CopyTo(stamped);
            ZeroTrailerArray.CopyTo(stamped, trailer);
            file[arrayEnd..].CopyTo(stamped.AsSpan(trailer + ZeroTrailerArray.Length));
        }
        else stamped = (byte[])pdf.Clone();
        if (xmp >= 0) ReplaceAll(stamped, file.Slice(xmp + XmpMarker.Length, ZeroUuid.Length).ToArray(), ZeroUuid);

        string stable = Convert.ToHexString(SHA256.HashData(stamped), 0, 16);
        ReplaceAll(stamped, ZeroUuid, Encoding.ASCII.GetBytes(Uuid(stable.ToLowerInvariant())));
        if (arrayEnd > 0) Encoding.ASCII.GetBytes(TrailerArray(stable)).CopyTo(stamped, trailer);
        return stamped;
    }

    /// <summary>Replaces every occurrence of <paramref name="find"/> by <paramref name="replacement"/> of the same length.</summary>
    private static void ReplaceAll(byte[] bytes, byte[] find, byte[] replacement)
    {
        for (int at = 0; at <= bytes.Length - find.Length;)
        {
            int found = bytes.AsSpan(at).IndexOf(find);
            if (found < 0) return;
            replacement.CopyTo(bytes, at + found);
            at += found + find.Length;
        }
    }

    private static string TrailerArray(string hex32) => $"/ID [<{hex32}> <{hex32}>]";

    /// <summary>The index just past the "]" closing the /ID array whose contents start at <paramref name="at"/>; -1 if unreadable.</summary>
    private static int ArrayEnd(ReadOnlySpan<byte> text, int at)
    {
        while (at < text.Length)
        {
            byte c = text[at];
            if (c == ']') return at + 1;
            if (c == '<') { int close = text[at..].IndexOf((byte)'>'); if (close < 0) return -1; at += close + 1; }
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
