using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Reports;

public sealed class CallsSummaryRendererTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 15, 10, 30, 0, TimeSpan.Zero);

    public static CallsSummaryData Sample(int calls = 3) => new("Calls for proposals 2026", 2026, IssuedAt, "manager@unodc.org",
        Enumerable.Range(0, calls).Select(i => new CallsSummaryData.Line($"call-{i}", $"Call number {i + 1}",
            i % 3 == 0 ? "SGP1" : "SGP2", i % 3 == 0 ? 200_000m : 600_000.50m, i % 3 == 0 ? 5_000m : 20_000m,
            i % 3 == 0 ? 20_000m : 60_000m, 12, new DateTimeOffset(2026, 3, 31, 21, 59, 0, TimeSpan.Zero).AddDays(i),
            i % 2 == 0 ? "Europe/Vienna" : "Asia/Tokyo", "Closed")).ToList());

    [Fact]
    public void RenderCallsSummary_ShowsTitleCallsAndDeadlinesInTheirOwnTimeZone()
    {
        var bytes = new ReportRenderer().RenderCallsSummary(Sample());
        // Set CALLS_SUMMARY_SAMPLE_PATH to look at the document (e.g. with pdftoppm).
        if (Environment.GetEnvironmentVariable("CALLS_SUMMARY_SAMPLE_PATH") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Calls for proposals 2026", pdf.Information.Title);
        var text = PdfText.AllWords(bytes);
        Assert.Contains($"Page 1 of {pdf.NumberOfPages}", text);
        Assert.Contains("31 Mar 2026, 23:59", text); // 21:59 UTC in Vienna's summer time
        Assert.Contains("2 Apr 2026, 06:59", text); // 1 April 21:59 UTC is the next morning in Tokyo
        Assert.Contains("Europe/Vienna", text);
        Assert.Contains("Asia/Tokyo", text);
        Assert.Contains("USD 1,400,001.00", text); // 200,000 + 2 × 600,000.50, to the cent
        Assert.Contains("Envelope by window", text);
    }

    [Fact]
    public void RenderCallsSummary_SameData_SameBytes()
    {
        var renderer = new ReportRenderer();
        Assert.Equal(renderer.RenderCallsSummary(Sample()), renderer.RenderCallsSummary(Sample()));
    }

    [Fact]
    public void RenderCallsSummary_ManyCalls_NumbersEveryPage()
    {
        var bytes = new ReportRenderer().RenderCallsSummary(Sample(calls: 80));

        var pages = PdfText.AllPageWords(bytes);
        Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.Contains("Call number 80", string.Join(" ", pages));
    }

    [Fact]
    public void RenderCallsSummary_NoCalls_SaysSo()
    {
        var bytes = new ReportRenderer().RenderCallsSummary(Sample(calls: 0));

        var text = PdfText.AllWords(bytes);
        Assert.Contains("No call for proposals has a deadline in 2026.", text);
    }
}
