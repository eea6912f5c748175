using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

/// <summary>A note under a table closes it: it is never left alone at the top of the next page (issue 12, donor statement).</summary>
public sealed class FootnoteTests
{
    private static byte[] TableThenNote(float spaceAbove) =>
        PdfDocumentBuilder.Create(new DocumentInfo("Footnote test", "Footnote", "en", SampleDocument.IssuedAt))
            .Content(c =>
            {
                // Space at the top of a page is swallowed: it pushes the table down only below a first line.
                c.Paragraph("Top of the page.");
                c.Spacing(spaceAbove);
                c.Table(t =>
                {
                    t.Column("Reference", 1);
                    t.Column("Amount", 1, Align.Right);
                    for (var i = 1; i <= 12; i++) t.Row($"Row{i:00}", "1,000.00");
                    t.TotalRow("LastRow", "12,000.00");
                });
                c.Note("FootnoteStart: each deposit is converted at the UNORE rate in force on its value date, as booked in the "
                    + "fund's journal; the total equals the journal's contributions received from this donor in the period, "
                    + "so that the reader can check the statement against the journal line by line.");
            })
            .RenderToBytes();

    [Fact]
    public void A_note_after_a_table_stays_on_the_page_of_the_tables_last_row_wherever_the_table_ends()
    {
        // The table's end slides down the first page in steps of a few points, through the spot where it used to end
        // with room for the total row but not for the note.
        for (var space = 300f; space <= 600f; space += 4f)
        {
            using var pdf = PdfDocument.Open(TableThenNote(space));
            int PageOf(string word) => pdf.GetPages().First(p => p.GetWords().Any(w => w.Text.StartsWith(word, StringComparison.Ordinal))).Number;

            Assert.True(PageOf("LastRow") == PageOf("FootnoteStart"),
                $"with {space} pt above the table, its last row is on page {PageOf("LastRow")} and its note on page {PageOf("FootnoteStart")}");
        }
    }

    [Fact]
    public void Sections_are_numbered_in_the_order_they_are_added()
    {
        var bytes = PdfDocumentBuilder.Create(new DocumentInfo("Sections", "Sections", "en", SampleDocument.IssuedAt))
            .Content(c => c.Section("Alpha").Paragraph("One.").Section("Beta").Heading("Not numbered", 3).Section("Gamma"))
            .RenderToBytes();

        var text = PdfText.AllWords(bytes);
        Assert.Contains("1. Alpha One. 2. Beta Not numbered 3. Gamma", text);
    }
}
