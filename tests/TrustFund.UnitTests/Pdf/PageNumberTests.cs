using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class PageNumberTests
{
    [Fact]
    public void Every_page_has_page_x_of_y_with_the_right_numbers()
    {
        var bytes = SampleDocument.Build(grantRows: 80).RenderToBytes();
        using var pdf = PdfDocument.Open(bytes);
        int count = pdf.NumberOfPages;
        Assert.True(count >= 4, $"expected a multi-page sample, got {count} pages");
        foreach (var page in pdf.GetPages())
        {
            string text = PdfText.Words(page);
            Assert.Contains($"Page {page.Number} of {count}", text);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"Page \d+ of \d+"));
            Assert.Contains("UNODC · UN Voluntary Trust Fund for Victims of Trafficking in Persons", text);
            Assert.Contains("15 March 2026", text);
        }
    }
}
