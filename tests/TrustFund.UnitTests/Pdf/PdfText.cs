using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace TrustFund.UnitTests.Pdf;

/// <summary>Reading rendered PDFs back with PdfPig.</summary>
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

    public static List<string> AllPageWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Words).ToList();
    }
}
