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
