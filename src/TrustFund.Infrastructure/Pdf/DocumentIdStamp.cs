using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Makes the file identifier reproducible. For PDF/A, Skia writes a UUID made from the clock and
/// memory addresses into the trailer /ID and the XMP DocumentID/InstanceID. That UUID is replaced
/// — same length, so no offsets move — by the first 16 bytes of a SHA-256 of the file with the
/// UUID blanked out: identical content gives identical bytes, different content a different ID.
/// </summary>
internal static class DocumentIdStamp
{
    public static byte[] Apply(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        int id = text.LastIndexOf("/ID [<", StringComparison.Ordinal);
        if (id < 0) return pdf; // no identifier written: nothing time-based to replace
        string hex = text.Substring(id + "/ID [<".Length, 32);
        string uuid = Uuid(hex.ToLowerInvariant());

        // Remember where the identifier appears, in both spellings, then blank it there.
        var hexAt = Occurrences(text, hex);
        var uuidAt = Occurrences(text, uuid);
        var bytes = (byte[])pdf.Clone();
        foreach (int at in hexAt) Write(bytes, at, new string('0', 32));
        foreach (int at in uuidAt) Write(bytes, at, Uuid(new string('0', 32)));

        string stable = Convert.ToHexString(SHA256.HashData(bytes), 0, 16);
        foreach (int at in hexAt) Write(bytes, at, stable);
        foreach (int at in uuidAt) Write(bytes, at, Uuid(stable.ToLowerInvariant()));
        return bytes;
    }

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            found.Add(at);
        return found;
    }

    private static void Write(byte[] bytes, int at, string ascii) => Encoding.ASCII.GetBytes(ascii, 0, ascii.Length, bytes, at);

    private static string Uuid(string hex32) =>
        $"{hex32[..8]}-{hex32[8..12]}-{hex32[12..16]}-{hex32[16..20]}-{hex32[20..]}";
}
