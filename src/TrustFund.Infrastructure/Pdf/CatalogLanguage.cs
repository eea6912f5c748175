using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Adds /Lang to the document catalog. SkiaSharp's metadata has no language field, so the
/// finished file is patched: the entry is inserted into the catalog dictionary and every
/// cross-reference offset after the insertion point (fixed 10-digit fields) and
/// <c>startxref</c> are shifted by the inserted length, keeping the file valid.
/// </summary>
internal static partial class CatalogLanguage
{
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    public static bool IsValidTag(string tag) => LanguageTag().IsMatch(tag);

    public static byte[] Insert(byte[] pdf, string language)
    {
        if (!IsValidTag(language)) throw new ArgumentException($"'{language}' is not a BCP 47 language tag.", nameof(language));
        // Works on the bytes with one copy of the file (a long report is a large object; text copies of it were garbage).
        ReadOnlySpan<byte> file = pdf;
        ReadOnlySpan<byte> marker = "<</Type /Catalog"u8;
        int catalog = file.LastIndexOf(marker);
        int xref = file.LastIndexOf("\nxref\n"u8) + 1;
        int trailer = xref > 0 && file[xref..].IndexOf("trailer"u8) is var t and >= 0 ? xref + t : -1;
        int startXref = file.LastIndexOf("startxref\n"u8);
        if (catalog < 0 || xref <= catalog || trailer < xref || startXref < trailer)
            throw new InvalidOperationException("Unexpected PDF layout from Skia: catalog or cross-reference table not found.");

        byte[] insertion = Encoding.ASCII.GetBytes($"\n/Lang ({language})");
        int at = catalog + marker.Length;
        int shift = insertion.Length;
        int numberStart = startXref + "startxref\n".Length;
        int numberEnd = numberStart + file[numberStart..].IndexOf((byte)'\n');
        long xrefOffset = long.Parse(file[numberStart..numberEnd], NumberStyles.None, CultureInfo.InvariantCulture);
        byte[] number = Encoding.ASCII.GetBytes((xrefOffset + shift).ToString(CultureInfo.InvariantCulture));

        var result = new byte[pdf.Length + shift - (numberEnd - numberStart) + number.Length];
        var output = result.AsSpan();
        file[..at].CopyTo(output);
        insertion.CopyTo(output[at..]);
        file[at..numberStart].CopyTo(output[(at + shift)..]);
        number.CopyTo(output[(numberStart + shift)..]);
        file[numberEnd..].CopyTo(output[(numberStart + shift + number.Length)..]);

        // Cross-reference table: fixed-width "nnnnnnnnnn ggggg n" lines; offsets past the insertion move, in place.
        for (int line = xref + shift; line < trailer + shift;)
        {
            int length = output[line..(trailer + shift)].IndexOf((byte)'\n') is var n and >= 0 ? n : trailer + shift - line;
            var entry = output.Slice(line, length);
            if (entry.Length >= 18 && entry[10] == ' ' && entry[17] == 'n'
                && long.TryParse(entry[..10], NumberStyles.None, CultureInfo.InvariantCulture, out long offset) && offset > at)
                (offset + shift).TryFormat(entry[..10], out _, "D10", CultureInfo.InvariantCulture);
            line += length + 1;
        }
        return result;
    }
}
