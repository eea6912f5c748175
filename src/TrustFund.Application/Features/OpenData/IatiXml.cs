using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.OpenData;

/// <summary>The small pieces both IATI files are written with: narratives per language, ISO dates, invariant amounts.</summary>
public static class IatiXml
{
    public const string StandardVersion = "2.03";
    public const string ContentType = "application/xml; charset=utf-8";
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    /// <summary>One narrative per language the text has (English always; French and Spanish when they differ from it).</summary>
    public static IEnumerable<XElement> Narratives(LocalizedText text)
    {
        yield return Narrative(text.En, "en");
        foreach (var language in new[] { "fr", "es" })
            if (text.For(language) is var translated && translated != text.En) yield return Narrative(translated, language);
    }

    public static XElement Narrative(string text, string language) =>
        new("narrative", new XAttribute(XmlNs + "lang", language), text);

    public static XAttribute Lang(string language) => new(XmlNs + "lang", language);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static XElement Value(decimal usd, DateOnly valueDate) =>
        new("value", new XAttribute("currency", "USD"), new XAttribute("value-date", Date(valueDate)),
            usd.ToString("0.00", CultureInfo.InvariantCulture));

    public static XElement Period(string name, DateOnly date) => new(name, new XAttribute("iso-date", Date(date)));

    /// <summary>UTF-8 without a byte-order mark, indented: what xmllint and the IATI validator read.</summary>
    public static byte[] Bytes(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }
}
