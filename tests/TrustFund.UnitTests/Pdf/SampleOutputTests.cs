using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class SampleOutputTests
{
    /// <summary>Writes the sample report when PDF_SAMPLE_PATH is set (for looking at it), and always checks it opens.</summary>
    [Fact]
    public void Sample_report_renders_and_opens()
    {
        var bytes = SampleDocument.Build().RenderToBytes();
        var path = Environment.GetEnvironmentVariable("PDF_SAMPLE_PATH");
        if (!string.IsNullOrEmpty(path)) File.WriteAllBytes(path, bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 3);
    }
}
