using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Reports;

public sealed class DonorStatementRendererTests
{
    private static readonly DateTimeOffset IssuedAt = new(2027, 1, 15, 10, 30, 0, TimeSpan.Zero);

    public static DonorStatementData Sample(string donor = "République française", int receipts = 3) => new(
        $"Donor statement: {donor}, 2026", donor, "MemberState", "France", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
        IssuedAt, "manager@unodc.org",
        [
            new(new DateOnly(2026, 2, 3), 500_000m, "EUR", 0.92m, 543_478.26m, "Assistance aux enfants victimes"),
            new(new DateOnly(2026, 5, 20), 100_000m, "USD", 1m, 100_000m, null),
        ],
        Enumerable.Range(0, receipts).Select(i => new DonorStatementData.ReceiptLine(new DateOnly(2026, 3, 1).AddDays(i * 2),
            $"FR-TRESOR-{i + 1:000}", 10_000.50m, "EUR", 0.9137m, 10_945.28m, false)).ToList(),
        receipts * 10_945.28m,
        [new("Assistance aux enfants victimes", 543_478.26m, receipts * 10_945.28m)],
        []);

    [Fact]
    public void RenderDonorStatement_ShowsPledgesReceiptsRatesAndTheJournalTotal()
    {
        var bytes = new ReportRenderer().RenderDonorStatement(Sample());
        if (Environment.GetEnvironmentVariable("DONOR_STATEMENT_SAMPLE_PATH") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Donor statement: République française, 2026", pdf.Information.Title);
        var text = PdfText.AllWords(bytes);
        Assert.Contains($"Page 1 of {pdf.NumberOfPages}", text);
        Assert.Contains("République française", text);
        Assert.Contains("EUR 500,000.00", text);
        Assert.Contains("0.9137", text);
        Assert.Contains("32,835.84", text); // 3 × 10,945.28, the journal total
        Assert.Contains("Assistance aux enfants victimes", text);
        Assert.Contains("At the end of the period, none of this donor's earmarked contributions was allocated to a grant.", text);
    }

    [Theory]
    [InlineData("Государственный фонд Казахстана")]
    [InlineData("مؤسسة قطر")]
    public void RenderDonorStatement_NonLatinDonorName_RendersAndIsDeterministic(string donor)
    {
        var renderer = new ReportRenderer();
        var first = renderer.RenderDonorStatement(Sample(donor));
        var second = renderer.RenderDonorStatement(Sample(donor));
        if (Environment.GetEnvironmentVariable("DONOR_STATEMENT_SAMPLE_DIR") is { Length: > 0 } dir)
            File.WriteAllBytes(Path.Combine(dir, $"statement-{donor.Length}.pdf"), first);

        Assert.Equal(first, second);
        var pages = PdfText.AllPageWords(first);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        if (donor.StartsWith('Г')) Assert.Contains("Государственный фонд Казахстана", string.Join(" ", pages));
    }

    [Fact]
    public void RenderDonorStatement_ManyReceipts_NumbersEveryPage()
    {
        var bytes = new ReportRenderer().RenderDonorStatement(Sample(receipts: 90));

        var pages = PdfText.AllPageWords(bytes);
        Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.Contains("FR-TRESOR-090", string.Join(" ", pages));
    }
}
