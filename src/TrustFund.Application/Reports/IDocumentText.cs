using System.Globalization;
using TrustFund.Application.Features.Reports;

namespace TrustFund.Application.Reports;

/// <summary>
/// The fixed texts of a document (headings, labels, status names) in the language it is issued in. The pages'
/// French and Spanish catalogue serves both, so a text is translated once; an English text with no translation stays English.
/// </summary>
public interface IDocumentText
{
    string Translate(string language, string english);
}

/// <summary>For hosts without the pages' catalogue (benchmarks, unit tests): every document in English.</summary>
public sealed class EnglishDocumentText : IDocumentText
{
    public string Translate(string language, string english) => english;
}

/// <summary>The languages documents are issued in, and how each writes dates and numbers.</summary>
public static class DocumentLanguages
{
    /// <summary>en, fr or es; anything else (a tag we do not issue in, an empty choice) is English.</summary>
    public static string Normalise(string? language) => language is "fr" or "es" ? language : "en";

    /// <summary>British English (day before month, as the UN writes dates), French of France, Spanish of Spain: never the server's culture.</summary>
    public static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo(Normalise(language) switch { "fr" => "fr-FR", "es" => "es-ES", _ => "en-GB" });

    /// <summary>A date written out: Spanish joins day, month and year with "de"; English and French write them side by side.</summary>
    public static string LongDateFormat(string language) => Normalise(language) == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";

    /// <summary>
    /// Which of a counted noun's two texts a count takes: "1 grant" but "0 grants" in English and Spanish, while French
    /// writes 0 and 1 in the singular ("0 subvention", "1 subvention"), as CLDR's plural rules for these languages say.
    /// Both texts are catalogue keys ("{0} grant", "{0} grants"), each translated whole, because how a noun and the
    /// words agreeing with it change is each language's business, not a suffix to stick on.
    /// </summary>
    public static string CountedText(string language, long count, string one, string other) =>
        count == 1 || (count == 0 && Normalise(language) == "fr") ? one : other;

    /// <summary>An enum value's name in <paramref name="language"/>: the catalogue names codes ("UnderReview"); one it does not name is spelt out in words.</summary>
    public static string Name(this IDocumentText text, string language, Enum value) =>
        text.Translate(language, value.ToString()) is var name && name != value.ToString() ? name : IssueDonorStatement.Words(value.ToString());
}
