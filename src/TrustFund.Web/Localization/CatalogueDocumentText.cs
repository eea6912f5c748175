using TrustFund.Application.Reports;

namespace TrustFund.Web.Localization;

/// <summary>Documents read the same French and Spanish catalogue as the pages.</summary>
public sealed class CatalogueDocumentText : IDocumentText
{
    public string Translate(string language, string english) => JsonStringLocalizer.Catalogue(language).GetValueOrDefault(english, english);
}
