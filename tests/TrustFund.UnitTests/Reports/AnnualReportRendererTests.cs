using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
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
        var bytes = new ReportRenderer().RenderAnnualReport(Sample());
        if (Environment.GetEnvironmentVariable("ANNUAL_REPORT_SAMPLE_PATH") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Annual report 2026", pdf.Information.Title);
        var pages = PdfText.AllPageWords(bytes);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        foreach (var section in new[] { "The year in figures", "Contributions by donor", "Board of Trustees", "Calls for proposals and selection",
                     "Grants awarded", "Implementation status per grant", "Victims assisted", "Planned in applications received (targets)",
                     "Financial performance", "Financial statement" })
            Assert.Contains(section, text);
        Assert.Contains("République française", text);
        Assert.Contains("Норвегия", text);
        Assert.Contains("Total income 2,357,678.91", text); // contributions + refunds
        Assert.Contains("Total expenditure 1,017,000.00", text);
        Assert.Contains("Fund balance at 31 December 2026 2,590,679.01", text); // opening + income − expenditure
        Assert.Contains("No grant agreement was signed in 2026.", text);
        Assert.Contains("No grant was under implementation in 2026.", text);
        Assert.Contains("No narrative report due in 2026 has been accepted by the secretariat", text);
        Assert.Contains("These are targets, not people assisted", text);
        Assert.Contains("Victims targeted 700", text);
        Assert.Contains("Grant agreements signed 0 Victims assisted (accepted reports) None reported yet", text);
        Assert.Contains("2025 2,000,000.00 1,900,000.00", text);
    }

    /// <summary>The sample with grants in three regions and two windows, their implementation, and victims assisted.</summary>
    public static AnnualReportData WithGrantsAndVictims(AnnualReportData sample) => sample with
    {
        Grants =
        [
            new("UNVTF-2026-SGP1-0001", "Sahel Solidarité", "African States", "Senegal", "SGP1", 20_000m, "Signed"),
            new("UNVTF-2026-SGP2-0001", "Fundación Ñandú", "Latin American and Caribbean States", "Colombia", "SGP2", 55_000.50m, "Signed"),
            new("UNVTF-2026-SGP2-0002", "Centre Dakar", "African States", "Senegal", "SGP2", 40_000m, "Closed"),
            new("UNVTF-2026-SGP2-0003", "Фонд «Надежда»", "Eastern European States", "Ukraine", "SGP2", 60_000m, "Signed"),
        ],
        Implementation =
        [
            new("UNVTF-2025-SGP2-0007", "La Strada", "Ukraine", "Signed", new DateOnly(2027, 3, 31), 30_000m, 1, 2),
            new("UNVTF-2026-SGP1-0001", "Sahel Solidarité", "Senegal", "Signed", new DateOnly(2026, 12, 31), 10_000.25m, 2, 2),
        ],
        Victims = new(3, 4,
            [new("Female", 90), new("Male", 30), new("Other", 0)],
            [new("Child", 40), new("Adult", 80)],
            [new("Sexual exploitation", 70), new("Forced labour", 50)],
            [new("Shelter", 60), new("Medical assistance", 100), new("Legal aid", 25)],
            [new("Nigeria", 50), new("Ukraine", 40), new("Other nationalities (3)", 30)]),
    };

    [Fact]
    public void RenderAnnualReport_GrantsAndVictims_SummariesAddUpAndVictimsAreBrokenDown()
    {
        var bytes = new ReportRenderer().RenderAnnualReport(WithGrantsAndVictims(Sample()));
        if (Environment.GetEnvironmentVariable("ANNUAL_REPORT_FULL_SAMPLE_PATH") is { Length: > 0 } path) File.WriteAllBytes(path, bytes);

        var text = PdfText.AllWords(bytes);
        // Grants by regional group, country and window: each total is the list's total.
        Assert.Contains("African States 2 60,000.00 34.3%", text);
        Assert.Contains("Senegal 2 60,000.00 34.3%", text);
        Assert.Contains("SGP2 3 155,000.50 88.6%", text);
        Assert.Equal(3, CountOf(text, "Total 4 175,000.50 100.0%")); // by region, by country, by window
        Assert.Contains("Total 175,000.50", text);
        // Implementation: disbursed and reports per grant, with totals.
        Assert.Contains("30,000.00 1 / 2", text);
        Assert.Contains("Total 2 grants 40,000.25", text);
        Assert.Contains("In all, 3 of 4 reports due are accepted.", text);
        // Victims assisted.
        Assert.Contains("Grant agreements signed 4 Victims assisted (accepted reports) 120", text); // the year in figures
        Assert.Contains("Victims assisted 120", text);
        Assert.Contains("Grants reporting 3", text);
        Assert.Contains("Female 90 75.0%", text);
        Assert.Contains("Child 40 33.3%", text);
        Assert.Contains("Sexual exploitation 70 58.3%", text);
        Assert.Contains("Medical assistance 100 83.3%", text);
        Assert.Contains("Other nationalities (3) 30 25.0%", text);
        Assert.Contains("Total 120 100.0%", text);
        Assert.DoesNotContain("No narrative report due in 2026 has been accepted", text);
    }

    private static int CountOf(string text, string part)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0) (count, at) = (count + 1, at + part.Length);
        return count;
    }

    [Fact]
    public void RenderAnnualReport_SameData_SameBytes()
    {
        var renderer = new ReportRenderer();
        Assert.Equal(renderer.RenderAnnualReport(Sample(200)), renderer.RenderAnnualReport(Sample(200)));
    }

    [Fact]
    public void RenderAnnualReport_TwoHundredDonors_NumbersEveryPage()
    {
        var pages = PdfText.AllPageWords(new ReportRenderer().RenderAnnualReport(Sample(200)));

        Assert.True(pages.Count >= 6, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.Contains("Donor 200", string.Join(" ", pages));
    }
}
