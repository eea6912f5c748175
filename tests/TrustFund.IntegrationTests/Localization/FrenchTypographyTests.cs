using System.Text.RegularExpressions;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;
using TrustFund.Web.Localization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// French sets : ; ? ! and » off from the word before, and « from the word after, with a space that must not break: an
/// ordinary one lets the sign wrap alone onto the next line of a page, an e-mail or a PDF. The catalogue uses U+00A0, the
/// character Display.Label puts before its colon, so that pages, tests and PDFs agree on one character.
/// </summary>
public sealed partial class FrenchTypographyTests
{
    private const char NoBreakSpace = '\u00A0';

    [Fact]
    public void FrenchTranslations_SetEverySignOffWithANoBreakSpace()
    {
        var loose = JsonStringLocalizer.Catalogue("fr").Values
            .Where(text => SignWithoutNoBreakSpace().IsMatch(Prose(text)))
            .Order().ToList();
        Assert.True(loose.Count == 0,
            $"French translations with a sign not set off by U+00A0 (an ordinary space lets it start a line):\n{string.Join("\n", loose)}");
    }

    /// <summary>
    /// French elides with one apostrophe, the typographic ’ (U+2019): a page once read "Modifier l’accord" beside
    /// "Conseil d'administration". A straight ' in a translation is a slip to put right.
    /// </summary>
    [Fact]
    public void FrenchTranslations_ElideWithTheTypographicApostrophe()
    {
        var straight = JsonStringLocalizer.Catalogue("fr").Values.Where(text => text.Contains('\'')).Order().ToList();
        Assert.True(straight.Count == 0, $"French translations with a straight apostrophe (write ’):\n{string.Join("\n", straight)}");
        Assert.Equal("Jetons d\u2019API", JsonStringLocalizer.Catalogue("fr")["API tokens"]);
    }

    /// <summary>Spanish writes "Fecha límite:", "¿Ha olvidado su contraseña?" and «Nueva convocatoria»: no space at all.</summary>
    [Fact]
    public void SpanishTranslations_SetNoSpaceBeforeASign()
    {
        var spaced = JsonStringLocalizer.Catalogue("es").Values.Where(text => SpaceBeforeSign().IsMatch(text)).Order().ToList();
        Assert.True(spaced.Count == 0, $"Spanish translations with a space before : ; ? ! » or after «:\n{string.Join("\n", spaced)}");
    }

    /// <summary>
    /// The fonts have a glyph for U+00A0 as wide as the space (a font without one would draw a missing-glyph box, wider):
    /// the colon after it stands exactly where it stands after an ordinary space.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThePdfEngine_DrawsTheNoBreakSpaceAsWideAsASpace(bool bold)
    {
        var pdf = Render(595, c => c.Paragraph("Projet : Refuge", bold: bold).Paragraph($"Projet{NoBreakSpace}: Refuge", bold: bold));

        using var document = PdfDocument.Open(pdf);
        var colons = document.GetPage(1).Letters.Where(l => l.Value == ":").OrderByDescending(l => l.StartBaseLine.Y).ToList();
        Assert.Equal(2, colons.Count);
        Assert.NotEqual(colons[0].StartBaseLine.Y, colons[1].StartBaseLine.Y);
        Assert.Equal(colons[0].StartBaseLine.X, colons[1].StartBaseLine.X, 0.01);
    }

    /// <summary>
    /// Every French text that sets a sign off, printed in a column a phone's width narrow: lines break often, yet never
    /// before a sign nor after «, because the PDF engine breaks lines at ordinary spaces only.
    /// </summary>
    [Fact]
    public void FrenchTexts_InANarrowPdfColumn_NeverStartALineWithASign()
    {
        var texts = JsonStringLocalizer.Catalogue("fr").Values.Where(text => text.Contains(NoBreakSpace)).Order().ToList();
        Assert.True(texts.Count > 200, $"{texts.Count} French texts with a no-break space");
        var pdf = Render(110, c =>
        {
            foreach (var text in texts) c.Paragraph(text);
        });

        using var document = PdfDocument.Open(pdf);
        var lines = document.GetPages().SelectMany(Lines).ToList();
        Assert.True(lines.Count > 3 * texts.Count, $"{lines.Count} lines: the column should wrap most texts");
        var broken = lines.Where(line => SignStartingALine().IsMatch(line) || line.EndsWith('«')).ToList();
        Assert.True(broken.Count == 0, $"Lines starting with a sign or ending with «:\n{string.Join("\n", broken)}");
    }

    /// <summary>Lists a document writes itself (the trustees of a seat in the annual report) set their semicolons as the catalogue does.</summary>
    [Theory]
    [InlineData("fr", "Amina Diallo\u00A0; Jean Dupont")]
    [InlineData("es", "Amina Diallo; Jean Dupont")]
    [InlineData("en", "Amina Diallo; Jean Dupont")]
    public void ADocumentsOwnList_SetsItsSemicolonsAsTheLanguageDoes(string language, string expected) =>
        Assert.Equal(expected, new DocumentLanguage(new EnglishDocumentText(), language).Semicolons(["Amina Diallo", "Jean Dupont"]));

    private static byte[] Render(float columnWidth, Action<ContentBuilder> compose) =>
        PdfDocumentBuilder.Create(new DocumentInfo("Typographie", "Typographie", "fr", new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero)))
            .Margins(56.7f, 68f, 595.28f - 56.7f - columnWidth, 62f)
            .Content(compose)
            .RenderToBytes();

    /// <summary>A page's lines top to bottom, each its words left to right.</summary>
    private static IEnumerable<string> Lines(Page page) => PdfText.Lines(page).Select(line => string.Join(" ", line.Select(w => w.Text)));

    /// <summary>The text's own punctuation: placeholders ({1:HH:mm}), web addresses (https://…) and times (09:30) taken out.</summary>
    private static string Prose(string text) => Time().Replace(WebAddress().Replace(Placeholder().Replace(text, "X"), " "), " ");

    [GeneratedRegex(@"\{[A-Za-z0-9]+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"\d:\d")]
    private static partial Regex Time();

    [GeneratedRegex("(?<!\u00A0)[:;?!»]|«(?!\u00A0)")]
    private static partial Regex SignWithoutNoBreakSpace();

    [GeneratedRegex(@"\s[:;?!»]|«\s")]
    private static partial Regex SpaceBeforeSign();

    [GeneratedRegex("^[:;?!»]")]
    private static partial Regex SignStartingALine();
}
