using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
using TrustFund.Web.Localization;
using UglyToad.PdfPig;

namespace TrustFund.IntegrationTests.Features.Reports;

/// <summary>
/// Every document rendered in English, French and Spanish with the application's own catalogue and read back: its fixed
/// texts, page numbers, dates and amounts are in the document's language, and no English is left in the French and Spanish
/// ones. The data is what the use cases hand over in that language (names of countries, groups and statuses translated).
/// </summary>
public sealed partial class DocumentLanguageTests
{
    private static readonly DateTimeOffset IssuedAt = new(2027, 1, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly CatalogueDocumentText Catalogue = new();
    private static readonly ReportRenderer Renderer = new(Catalogue);

    public static TheoryData<string, string> DocumentsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var document in new[] { "annual", "donor", "calls", "application", "minutes" })
            foreach (var language in new[] { "en", "fr", "es" }) data.Add(document, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentsAndLanguages))]
    public void Document_IsWrittenInItsLanguage_PagesDatesAndAmountsIncluded(string document, string language)
    {
        var bytes = Render(document, language);
        if (Environment.GetEnvironmentVariable("DOCUMENT_SAMPLE_DIR") is { Length: > 0 } dir)
            File.WriteAllBytes(Path.Combine(dir, $"{document}-{language}.pdf"), bytes);

        var pages = SpacedPages(bytes);
        var text = string.Join(" ", pages);
        var pageOf = Say(language, "Page {0} of {1}", "Page {0} sur {1}", "Página {0} de {1}");
        for (var i = 0; i < pages.Count; i++) Assert.Contains(string.Format(CultureInfo.InvariantCulture, pageOf, i + 1, pages.Count), pages[i]);
        Assert.Contains($"/Lang ({language})", Encoding.ASCII.GetString(bytes));
        var culture = CultureInfo.GetCultureInfo(Say(language, "en-GB", "fr-FR", "es-ES"));
        Assert.Contains(Say(language, "15 January 2027", "15 janvier 2027", "15 de enero de 2027"), text); // the footer's date
        Assert.Contains(Spaced(1_234_567.89m.ToString("N2", culture)), text);
        foreach (var expected in Expected(document, language)) Assert.Contains(expected, text);
    }

    [Theory]
    [MemberData(nameof(DocumentsAndLanguages))]
    public void FrenchAndSpanishDocuments_HaveNoEnglishLeft(string document, string language)
    {
        if (language == "en") return; // the English fragments are the control: they are found in English
        var words = Words().Matches(string.Join(" ", SpacedPages(Render(document, language)))).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        var english = EnglishWords.Where(words.Contains).Order().ToList();
        Assert.True(english.Count == 0, $"{document} in {language} has English words: {string.Join(", ", english)}");
    }

    [Fact]
    public void EnglishDocuments_ContainTheFragmentsTheOtherLanguagesMustNot()
    {
        // Proves the check above can fail: each English document contains several of the words it looks for.
        foreach (var document in new[] { "annual", "donor", "calls", "application", "minutes" })
        {
            var words = Words().Matches(string.Join(" ", SpacedPages(Render(document, "en")))).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
            Assert.True(EnglishWords.Count(words.Contains) >= 3, $"{document}: {string.Join(", ", EnglishWords.Where(words.Contains))}");
        }
    }

    [Fact]
    public void Minutes_PrintTheirDateOnceInTheFooter()
    {
        using var pdf = PdfDocument.Open(Render("minutes", "en"));
        var footer = pdf.GetPage(1).GetWords().Where(w => w.BoundingBox.Bottom < 60).Select(w => w.Text).ToList();
        var line = string.Join(" ", footer);
        Assert.Contains("Minutes of the Board of Trustees · 15 January 2027", line);
        Assert.Single(Regex.Matches(line, "2027"));
    }

    /// <summary>Words only an English text has: none of them is French or Spanish (so "Total", "Page", "Session" are not here).</summary>
    private static readonly string[] EnglishWords =
    [
        "the", "of", "and", "to", "in", "for", "by", "with", "was", "were", "is", "are", "not", "none", "report", "reports", "received",
        "issued", "grant", "grants", "donor", "donors", "pledge", "pledges", "pledged", "victims", "assisted", "board", "minutes", "status",
        "window", "deadline", "envelope", "earmark", "earmarked", "year", "period", "amount", "income", "expenditure", "statement",
        "trustees", "against", "favour", "application", "people", "attachments", "history", "country", "calls", "call", "decisions",
        "score", "result", "cast", "share", "targets", "submitted", "changed", "requested", "funded", "fund", "trust", "voluntary",
    ];

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Words();

    /// <summary>Each page's words; French groups digits with a narrow no-break space, read here as a plain one.</summary>
    private static List<string> SpacedPages(byte[] bytes) => PdfText.AllPageWords(bytes).Select(Spaced).ToList();

    private static string Spaced(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static string Say(string language, string en, string fr, string es) => language switch { "fr" => fr, "es" => es, _ => en };

    /// <summary>A name as the use cases give it in that language (the catalogue's, else the English text).</summary>
    private static string Named(string language, string code) => Catalogue.Translate(language, code);

    private static IEnumerable<string> Expected(string document, string language) => document switch
    {
        "annual" => [Say(language, "1. The year in figures", "1. L’année en chiffres", "1. El año en cifras"),
            Say(language, "9. Financial statement", "9. État financier", "9. Estado financiero"),
            Say(language, "Annual report 2026", "Rapport annuel 2026", "Informe anual 2026")],
        "donor" => [Say(language, "Pledges made in the period", "Annonces de contributions faites pendant la période", "Promesas hechas en el período"),
            Say(language, "Earmarked contributions", "Contributions affectées", "Contribuciones con fin específico")],
        "calls" => [Say(language, "Envelope by window", "Enveloppe par guichet", "Dotación por ventanilla")],
        "application" => [Say(language, "Total requested", "Total demandé", "Total solicitado")],
        _ => [Say(language, "In favour", "Pour", "A favor"), Say(language, "(changed)", "(modifié)", "(modificado)")],
    };

    private static byte[] Render(string document, string language) => document switch
    {
        "annual" => Renderer.RenderAnnualReport(Annual(language)),
        "donor" => Renderer.RenderDonorStatement(Donor(language)),
        "calls" => Renderer.RenderCallsSummary(Calls(language)),
        "application" => Renderer.RenderApplicationSummary(Application(language)),
        _ => Renderer.RenderBoardMinutes(Minutes(language)),
    };

    private static AnnualReportData Annual(string l)
    {
        var africa = Say(l, "African States", "États d’Afrique", "Estados de África");
        var senegal = Say(l, "Senegal", "Sénégal", "Senegal");
        var signed = Named(l, "Signed");
        var statement = new AnnualReportData.FinancialStatement(1_234_567.89m, 500_000m, 1_000m, 200_000m, 26_000m, 300_000m, 200_000m, 0m,
            100_000m, 50_000m, 1_000_000m);
        return new AnnualReportData(Say(l, "Annual report 2026", "Rapport annuel 2026", "Informe anual 2026"), 2026, IssuedAt, "gestion@unodc.org",
            new(600_000m, 500_000m, 200_000m, 26_000m, 1_000_000m, 2, 3, 2, 1, 0.13m), statement,
            [new("Kongeriket Norge", Named(l, "MemberState"), 400_000m, 300_000m), new("Fundación Ñandú", Named(l, "Foundation"), 200_000m, 200_000m)],
            [new(africa, ["Amina Diallo (" + senegal + ")"]), new(Say(l, "Asia-Pacific States", "États d’Asie-Pacifique", "Estados de Asia y el Pacífico"), [])],
            [new(new DateOnly(2026, 6, 3), "Aide directe 2026", 2)],
            [new(africa, 3, 2, 1)],
            [new(Named(l, "Female"), Named(l, "Adult"), Say(l, "Sexual exploitation", "Exploitation sexuelle", "Explotación sexual"), 40)],
            [new("UNVTF-2026-SGP2-0001", "Sahel Solidarité", africa, senegal, "SGP2", 50_000m, signed)],
            [new(2025, 100_000m, 90_000m), new(2026, 600_000m, 500_000m)])
        {
            Language = l,
            Implementation = [new("UNVTF-2026-SGP2-0001", "Sahel Solidarité", senegal, signed, new DateOnly(2027, 6, 30), 25_000m, 1, 2)],
            Victims = new(1, 1, [new(Named(l, "Female"), 30), new(Named(l, "Male"), 10)], [new(Named(l, "Adult"), 40)],
                [new(Say(l, "Sexual exploitation", "Exploitation sexuelle", "Explotación sexual"), 40)],
                [new(Say(l, "Shelter", "Hébergement", "Alojamiento"), 40)], [new(senegal, 40)]),
        };
    }

    private static DonorStatementData Donor(string l) => new(
        Say(l, "Donor statement: Kongeriket Norge, 2026", "Relevé du donateur\u00A0: Kongeriket Norge, 2026", "Estado del donante: Kongeriket Norge, 2026"),
        "Kongeriket Norge", Named(l, "MemberState"), Say(l, "Norway", "Norvège", "Noruega"), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
        IssuedAt, "gestion@unodc.org",
        [new(new DateOnly(2026, 2, 3), 13_000_000m, "NOK", 10.53m, 1_234_567.89m, "Barn i Sahel"), new(new DateOnly(2026, 3, 3), 1_000m, "USD", 1m, 1_000m, null)],
        [new(new DateOnly(2026, 4, 1), "NO-1", 13_000_000m, "NOK", 10.53m, 1_234_567.89m, false),
         new(new DateOnly(2026, 4, 2), "NO-2", -10m, "NOK", 10.53m, -0.95m, true)],
        1_234_566.94m, [new("Barn i Sahel", 1_234_567.89m, 1_234_566.94m)],
        [new("UNVTF-2026-SGP2-0001", "Sahel Solidarité", Say(l, "Senegal", "Sénégal", "Senegal"), "Barn i Sahel", 15_000m)])
    {
        Language = l,
    };

    private static CallsSummaryData Calls(string l) => new(
        Say(l, "Calls for proposals 2026", "Appels à propositions 2026", "Convocatorias de propuestas 2026"), 2026, IssuedAt, "gestion@unodc.org",
        [new("aide-2026", "Aide directe 2026", "SGP2", 1_234_567.89m, 20_000m, 60_000m, 12, new DateTimeOffset(2026, 3, 31, 21, 59, 0, TimeSpan.Zero),
            "Europe/Vienna", Named(l, "Closed"))])
    {
        Language = l,
    };

    private static ApplicationSummaryData Application(string l) => new(
        "VTF-2026-0007", Named(l, "Submitted"), IssuedAt, "Aide directe 2026", "SGP2", "Sahel Solidarité", Say(l, "Senegal", "Sénégal", "Senegal"),
        "SN-77", "UNPP-1", 8, "Maison Espoir Dakar", Say(l, "Senegal", "Sénégal", "Senegal"), new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 12,
        [(Named(l, "Objectives"), "Accueil et aide juridique.")],
        [new(Named(l, "Female"), Named(l, "Adult"), Say(l, "Sexual exploitation", "Exploitation sexuelle", "Explotación sexual"), 40)],
        [new(Named(l, "DirectAssistance"), "Hébergement", 1_234_567.89m)],
        [new(Named(l, "RegistrationCertificate"), "statuts.pdf", 120_000, "a3f1c2d4e5f60718293a4b5c6d7e8f90")],
        [new(Named(l, "Submitted"), IssuedAt)],
        null, "Awa Ndiaye", null)
    {
        Language = l,
    };

    private static BoardMinutesData Minutes(string l) => new(
        Say(l, "Minutes of the Board of Trustees, 12 March 2026", "Procès-verbal du Conseil d’administration, 12 mars 2026",
            "Acta de la Junta de Síndicos, 12 de marzo de 2026"),
        "Aide directe 2026", new DateOnly(2026, 3, 12), Named(l, "Remote"), IssuedAt, ["Amina Diallo", "Анна Ковальчук"],
        [new(1, "VTF-2026-0007", "Sahel Solidarité", "SN", 1_234_567.89m, 82.5m, Named(l, "Recommended"), 2, 0, 0, true,
            [new("Amina Diallo", Say(l, "In favour", "Pour", "A favor"), false, IssuedAt.AddHours(-2)),
             new("Анна Ковальчук", Say(l, "In favour", "Pour", "A favor"), true, IssuedAt.AddHours(-1))])])
    {
        Language = l,
    };
}
