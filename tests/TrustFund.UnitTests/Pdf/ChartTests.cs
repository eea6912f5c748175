using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class ChartTests
{
    [Fact]
    public void Chart_pages_render_with_their_titles_and_axis_labels()
    {
        var bytes = PdfDocumentBuilder.Create(new DocumentInfo("Charts", "Charts", "en", SampleDocument.IssuedAt))
            .Content(c =>
            {
                c.BarChart("Grants by region", [("Africa", 10), ("Europe", 7)]);
                c.PageBreak();
                c.PieChart("Assistance mix", [("Shelter", 3), ("Legal aid", 1)], donut: true);
                c.StackedBarChart("Disbursements by quarter", ["Q1", "Q2"], [new ChartSeries("First", [1, 2]), new ChartSeries("Second", [2, 1])]);
            })
            .RenderToBytes();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        string first = PdfText.Words(pdf.GetPage(1));
        string second = PdfText.Words(pdf.GetPage(2));
        Assert.Contains("Grants by region", first);
        Assert.Contains("Africa", first);      // ScottPlot tick label, drawn as text on the same canvas
        Assert.Contains("Assistance mix", second);
        Assert.Contains("Shelter (75%)", second); // legend with the slice's share
        Assert.Contains("Disbursements by quarter", second);
        // Vector output: the chart adds paths, not a bitmap.
        Assert.Empty(pdf.GetPage(1).GetImages());
    }

    [Fact]
    public void Png_image_is_embedded()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 20);
        bitmap.Erase(new SkiaSharp.SKColor(0x1F, 0x4E, 0x79));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var bytes = PdfDocumentBuilder.Create(new DocumentInfo("Image", "Image", "en", SampleDocument.IssuedAt))
            .Content(c => c.Image(png.ToArray(), 80))
            .RenderToBytes();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Single(pdf.GetPage(1).GetImages());
    }
}
