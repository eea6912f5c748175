using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class ParagraphTests
{
    private static readonly string[] Words = Enumerable.Range(1, 900)
        .Select(i => (i % 4) switch { 0 => $"alpha{i}", 1 => $"b{i}", 2 => $"gamma-delta{i}", _ => $"eps{i}," }).ToArray();

    private static byte[] Render(TextAlignment alignment) =>
        PdfDocumentBuilder.Create(new DocumentInfo("Wrap", "Wrap", "en", SampleDocument.IssuedAt))
            .Content(c => c.Paragraph(string.Join(' ', Words), alignment))
            .RenderToBytes();

    [Fact]
    public void Word_wrap_keeps_every_word_in_order()
    {
        using var pdf = PdfDocument.Open(Render(TextAlignment.Left));
        var body = pdf.GetPages()
            .SelectMany(p => PdfText.Lines(p))
            .SelectMany(line => line)
            .Select(w => w.Text)
            .Where(w => System.Text.RegularExpressions.Regex.IsMatch(w, @"^(alpha|b|gamma-delta|eps)\d+,?$"))
            .ToList();
        Assert.Equal(Words, body);
        Assert.True(pdf.NumberOfPages >= 2, "900 words should flow onto a second page");
    }

    [Fact]
    public void Justified_lines_end_at_the_right_margin_except_the_last()
    {
        using var pdf = PdfDocument.Open(Render(TextAlignment.Justify));
        var page = pdf.GetPage(1); // the paragraph continues on page 2, so every line here is a full one
        var lines = PdfText.Lines(page).Where(l => l.Any(w => w.Text.StartsWith("alpha", StringComparison.Ordinal) || w.Text.StartsWith("eps", StringComparison.Ordinal))).ToList();
        Assert.True(lines.Count > 10);
        var lefts = lines.Select(l => l[0].BoundingBox.Left).ToList();
        var rights = lines.Select(l => l[^1].BoundingBox.Right).ToList();
        Assert.True(lefts.Max() - lefts.Min() < 0.5, "left edge is flush");
        Assert.True(rights.Max() - rights.Min() < 1.0, $"right edges spread {rights.Max() - rights.Min():F2} pt");
        Assert.InRange(rights.Max(), page.Width - 58, page.Width - 55); // right margin ≈ 56.7 pt
    }

    [Fact]
    public void Left_aligned_lines_are_ragged()
    {
        using var pdf = PdfDocument.Open(Render(TextAlignment.Left));
        var rights = PdfText.Lines(pdf.GetPage(1)).Where(l => l.Count > 3).Select(l => l[^1].BoundingBox.Right).ToList();
        Assert.True(rights.Max() - rights.Min() > 5);
    }
}
