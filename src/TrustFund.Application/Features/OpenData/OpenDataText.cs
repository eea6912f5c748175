using TrustFund.Application.Reports;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// A fixed text of the open data in English, French and Spanish at once: the IATI files carry every language side by
/// side (one narrative per xml:lang), and the grants page picks the reader's. Translated through the pages' catalogue.
/// </summary>
public sealed class OpenDataText(IDocumentText text)
{
    public LocalizedText T(string english) => new(english, text.Translate("fr", english), text.Translate("es", english));

    /// <summary>A text with placeholders, each argument itself given per language.</summary>
    public LocalizedText F(string english, params LocalizedText[] arguments) =>
        new(Format("en", english, arguments), Format("fr", english, arguments), Format("es", english, arguments));

    private string Format(string language, string english, LocalizedText[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Translate(language, english),
            arguments.Select(a => (object)a.For(language)).ToArray());
}
