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
        string text = Encoding.Latin1.GetString(pdf);
        const string marker = "<</Type /Catalog";
        int catalog = text.LastIndexOf(marker, StringComparison.Ordinal);
        int xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        int trailer = text.IndexOf("trailer", xref, StringComparison.Ordinal);
        int startXref = text.LastIndexOf("startxref\n", StringComparison.Ordinal);
        if (catalog < 0 || xref <= catalog || trailer < xref || startXref < trailer)
            throw new InvalidOperationException("Unexpected PDF layout from Skia: catalog or cross-reference table not found.");

        string insertion = $"\n/Lang ({language})";
        int at = catalog + marker.Length;
        int shift = insertion.Length;

        var result = new StringBuilder(text.Length + shift + 8);
        result.Append(text, 0, at).Append(insertion).Append(text, at, xref - at);

        // Cross-reference table: "nnnnnnnnnn ggggg n" lines; offsets past the insertion move.
        foreach (var line in text[xref..trailer].Split('\n'))
        {
            if (line.Length >= 18 && line[10] == ' ' && line[17] == 'n' && long.TryParse(line.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out long offset))
            {
                long moved = offset > at ? offset + shift : offset;
                result.Append(moved.ToString("D10", CultureInfo.InvariantCulture)).Append(line, 10, line.Length - 10);
            }
            else
            {
                result.Append(line);
            }
            result.Append('\n');
        }
        result.Length--; // the split added one newline too many

        int numberStart = startXref + "startxref\n".Length;
        int numberEnd = text.IndexOf('\n', numberStart);
        long xrefOffset = long.Parse(text.AsSpan(numberStart, numberEnd - numberStart), CultureInfo.InvariantCulture);
        result.Append(text, trailer, numberStart - trailer)
              .Append((xrefOffset + shift).ToString(CultureInfo.InvariantCulture))
              .Append(text, numberEnd, text.Length - numberEnd);
        return Encoding.Latin1.GetBytes(result.ToString());
    }
}
