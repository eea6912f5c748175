using System.Globalization;
using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class TableTests
{
    private const int Rows = 150;

    private static byte[] LongTable() =>
        PdfDocumentBuilder.Create(new DocumentInfo("Table test", "Rows", "en", SampleDocument.IssuedAt))
            .Content(c =>
            {
                c.Heading("Grants");
                c.Table(t =>
                {
                    t.FixedColumn("Reference", 70);
                    t.Column("Description", 3);
                    t.Column("Amount", 1, Align.Right);
                    for (int i = 1; i <= Rows; i++)
                    {
                        // Every third row wraps onto several lines; its last word marks the row's end.
                        string description = i % 3 == 0
                            ? $"Shelter, legal counselling and medical assistance for survivors in the northern provinces end{i:000}"
                            : $"Legal aid end{i:000}";
                        t.Row($"R{i:000}", description, string.Create(CultureInfo.InvariantCulture, $"{i * 1000:N0}.00"));
                    }
                });
            })
            .RenderToBytes();

    [Fact]
    public void Header_row_repeats_on_every_page_and_no_row_is_split()
    {
        using var pdf = PdfDocument.Open(LongTable());
        Assert.True(pdf.NumberOfPages >= 3, "the table should span several pages");

        var pageOfRef = new Dictionary<string, int>();
        var pageOfEnd = new Dictionary<string, int>();
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var header = words.Where(w => w.Text == "Reference").ToList();
            Assert.Single(header); // header drawn exactly once per page
            double headerY = header[0].BoundingBox.Bottom;

            foreach (var w in words)
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(w.Text, @"^R\d{3}$"))
                {
                    Assert.True(w.BoundingBox.Bottom < headerY, "rows sit below the header");
                    Assert.True(pageOfRef.TryAdd(w.Text, page.Number), $"{w.Text} appears twice");
                }
                if (w.Text.StartsWith("end", StringComparison.Ordinal))
                    Assert.True(pageOfEnd.TryAdd("R" + w.Text[3..], page.Number), $"{w.Text} appears twice");
            }
        }
        Assert.Equal(Rows, pageOfRef.Count);
        foreach (var (reference, page) in pageOfRef)
            Assert.Equal(page, pageOfEnd[reference]); // first and last line of each row on the same page
    }

    [Fact]
    public void Numeric_column_is_right_aligned()
    {
        using var pdf = PdfDocument.Open(LongTable());
        var rights = pdf.GetPage(1).GetWords()
            .Where(w => System.Text.RegularExpressions.Regex.IsMatch(w.Text, @"^[\d,]+\.00$"))
            .Select(w => w.BoundingBox.Right).ToList();
        Assert.True(rights.Count > 10);
        Assert.True(rights.Max() - rights.Min() < 0.5, $"right edges spread {rights.Max() - rights.Min():F2} pt");
    }
}
