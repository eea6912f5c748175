using System.Text;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.UnitTests.Pdf;

public sealed class DocumentIdStampTests
{
    private static byte[] Rendered() =>
        PdfDocumentBuilder.Create(new DocumentInfo("Stamp", "Stamp", "en", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .Content(c => c.Paragraph("The identifier must not depend on Skia's random one."))
            .RenderToBytes();

    [Fact]
    public void Apply_StampedFile_IsUnchanged()
    {
        var stamped = Rendered();

        Assert.Equal(stamped, DocumentIdStamp.Apply(stamped));
    }

    /// <summary>
    /// Skia writes the trailer /ID as a literal string when that is shorter than hex; the stamp used to miss it then and
    /// left the random identifier in place (about one render in ten differed).
    /// </summary>
    [Theory]
    [InlineData("(l$aa^{8*\\270ors\\177\\305\\370\\250)")]
    [InlineData("(a\\)b(c)]d\\\\e\\(fghijk)")]
    [InlineData("<0123456789ABCDEF0123456789ABCDEF>")]
    public void Apply_OtherRandomIdentifier_InEitherSpelling_GivesTheSameBytes(string spelledId)
    {
        var stamped = Rendered();
        var text = Encoding.Latin1.GetString(stamped);
        var trailer = text.LastIndexOf("/ID [", StringComparison.Ordinal);
        var end = text.IndexOf("]>>", trailer, StringComparison.Ordinal) + 1;
        var xmp = text.IndexOf("<xmpMM:DocumentID>uuid:", StringComparison.Ordinal) + "<xmpMM:DocumentID>uuid:".Length;
        var uuid = text.Substring(xmp, 36);
        var random = text[..trailer] + $"/ID [{spelledId} {spelledId}]" + text[end..];
        random = random.Replace(uuid, "0badc0de-1234-5678-9abc-def012345678");

        Assert.Equal(stamped, DocumentIdStamp.Apply(Encoding.Latin1.GetBytes(random)));
    }
}
