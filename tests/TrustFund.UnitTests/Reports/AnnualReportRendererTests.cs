using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
using TrustFund.UnitTests.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Reports;

public sealed class AnnualReportRendererTests
{
    private static readonly DateTimeOffset IssuedAt = new(2027, 1, 20, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] DonorNames =
        ["République française", "Норвегия", "دولة قطر", "Fundación Ñandú", "Acme Foundation", "Україна"];

    public static AnnualReportData Sample(int donors = 6)
    {
        var statement = new AnnualReportData.FinancialStatement(OpeningBalance: 1_250_000.10m, Contributions: 2_345_678.91m,
            Refunds: 12_000m, Disbursements: 900_000m, Psc: 117_000m, ObligationsRaised: 1_500_000m, ObligationsLiquidated: 900_000m,
            ObligationsReleased: 0m, OpenObligationsAtEnd: 600_000m, OperatingReserveAtEnd: 0m, AvailableAtEnd: 1_912_679.01m);
        return new AnnualReportData("Annual report 2026", 2026, IssuedAt, "manager@unodc.org",
            new(2_500_000m, 2_345_678.91m, 900_000m, 117_000m, 1_912_679.01m, donors, 42, 30, 12, 0.13m),
            statement,
            Enumerable.Range(0, donors).Select(i => new AnnualReportData.DonorLine(
                i < DonorNames.Length ? DonorNames[i] : $"Donor {i + 1}", i % 2 == 0 ? "Member state" : "Foundation",
                100_000m + i, 90_000.5m - i)).ToList(),
            [
                new("African Group", ["Amina Diallo (Senegal), 1 Jan 2025 – 31 Dec 2027, chairperson"]),
                new("Eastern European Group", ["Анна Ковальчук (Ukraine), 1 Jan 2024 – 31 Dec 2026"]),
                new("Asia-Pacific Group", []),
            ],
            [],
            [new("African Group", 20, 15, 6), new("Latin American and Caribbean Group", 22, 15, 6)],
            [
                new("Female", "Child", "Sexual exploitation", 300), new("Female", "Adult", "Forced labour", 200),
                new("Male", "Adult", "Forced labour", 150), new("Male", "Child", "Forced criminality", 50),
            ],
            [],
            [new(2022, 0m, 0m), new(2023, 1_000_000m, 800_000m), new(2024, 1_500_000m, 1_700_000m), new(2025, 2_000_000m, 1_900_000m),
             new(2026, 2_500_000m, 2_345_678.91m)]);
    }

    [Fact]
    public void RenderAnnualReport_HasEverySection_AndTheStatementTotals()
    {
        var bytes = new PdfReportRenderer().RenderAnnualReport(Sample());
        if (Environment.GetEnvironmentVariable("ANNUAL_REPORT_SAMPLE_PATH") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Annual report 2026", pdf.Information.Title);
        var pages = PdfText.AllPageWords(bytes);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        foreach (var section in new[] { "The year in figures", "Contributions by donor", "Board of Trustees", "Calls for proposals and selection",
                     "Grants awarded", "Victims targeted", "Financial performance", "Financial statement" })
            Assert.Contains(section, text);
        Assert.Contains("République française", text);
        Assert.Contains("Норвегия", text);
        Assert.Contains("Total income 2,357,678.91", text); // contributions + refunds
        Assert.Contains("Total expenditure 1,017,000.00", text);
        Assert.Contains("Fund balance at 31 December 2026 2,590,679.01", text); // opening + income − expenditure
        Assert.Contains("No grant is recorded in TrustFund for this year yet.", text);
        Assert.Contains("These are targets, not people assisted", text);
        Assert.Contains("2025 2,000,000.00 1,900,000.00", text);
    }

    [Fact]
    public void RenderAnnualReport_SameData_SameBytes()
    {
        var renderer = new PdfReportRenderer();
        Assert.Equal(renderer.RenderAnnualReport(Sample(200)), renderer.RenderAnnualReport(Sample(200)));
    }

    [Fact]
    public void RenderAnnualReport_TwoHundredDonors_NumbersEveryPage()
    {
        var pages = PdfText.AllPageWords(new PdfReportRenderer().RenderAnnualReport(Sample(200)));

        Assert.True(pages.Count >= 6, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.Contains("Donor 200", string.Join(" ", pages));
    }
}
