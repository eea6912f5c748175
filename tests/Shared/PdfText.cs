using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace TrustFund.Testing;

/// <summary>
/// Reading rendered PDFs back with PdfPig, the one way every test does it (shared by the unit and the integration tests),
/// so that what "the text of a PDF" means cannot drift between test files.
/// </summary>
internal static class PdfText
{
    /// <summary>The words of a page joined by single spaces, in PdfPig's reading order.</summary>
    public static string Words(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>Text lines of a page, grouped by baseline (top to bottom), each as its words left to right.</summary>
    public static List<List<Word>> Lines(Page page) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(w => w.BoundingBox.Left).ToList())
            .ToList();

    /// <summary>Each page's words (<see cref="Words(Page)"/>), first page first.</summary>
    public static List<string> AllPageWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Words).ToList();
    }

    /// <summary>The whole document's words joined by single spaces, page after page.</summary>
    public static string AllWords(byte[] pdf) => string.Join(" ", AllPageWords(pdf));

    /// <summary>
    /// The whole document's letters with no spaces at all: PdfPig reads some table cells' words without the spaces
    /// between them, so a test that looks for a phrase across such cells compares without spaces.
    /// </summary>
    public static string WithoutSpaces(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
    }
}
