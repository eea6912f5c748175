using System.Text;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class DeterminismTests
{
    [Fact]
    public void Two_renders_of_the_same_document_are_byte_identical()
    {
        var first = SampleDocument.Build(grantRows: 40).RenderToBytes();
        var second = SampleDocument.Build(grantRows: 40).RenderToBytes();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Document_id_is_derived_from_content_not_from_the_clock()
    {
        var a = SampleDocument.Build(grantRows: 10).RenderToBytes();
        var b = SampleDocument.Build(grantRows: 11).RenderToBytes();
        string idA = Id(a), idB = Id(b);
        Assert.NotEqual(idA, idB);
        // The XMP packet carries the same identifier as the trailer.
        Assert.Contains("uuid:" + idA.ToLowerInvariant()[..8] + "-", Encoding.Latin1.GetString(a));
    }

    [Fact]
    public void Metadata_title_author_subject_creator_language_and_dates_are_set()
    {
        var bytes = SampleDocument.Build(grantRows: 5).RenderToBytes();
        using var pdf = PdfDocument.Open(bytes);
        var info = pdf.Information;
        Assert.Equal(SampleDocument.Title, info.Title);
        Assert.Equal("UNODC — UN Voluntary Trust Fund for Victims of Trafficking in Persons", info.Author);
        Assert.Equal("Grants awarded by the Fund in 2026", info.Subject);
        Assert.Equal("TrustFund", info.Creator);
        Assert.StartsWith("D:20260315093000", info.CreationDate);
        Assert.StartsWith("D:20260315093000", info.ModifiedDate);
        Assert.Contains("/Lang (en)", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_and_the_file_stays_small()
    {
        var bytes = SampleDocument.Build(grantRows: 5).RenderToBytes();
        Assert.True(bytes.Length < 400_000, $"{bytes.Length} bytes");
        using var pdf = PdfDocument.Open(bytes);
        Assert.NotEmpty(pdf.GetPage(1).Letters);
    }

    private static string Id(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        int at = text.LastIndexOf("/ID [<", StringComparison.Ordinal);
        Assert.True(at > 0);
        return text.Substring(at + 6, 32);
    }
}
