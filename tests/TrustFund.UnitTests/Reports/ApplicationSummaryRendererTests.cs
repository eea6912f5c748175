using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Reports;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Reports;

public sealed class ApplicationSummaryRendererTests
{
    public static ApplicationSummaryData Sample(string organisation = "Центр «Надежда»", int budgetLines = 3) => new(
        "VTF-2026-0007", "Submitted", new DateTimeOffset(2026, 3, 30, 14, 5, 0, TimeSpan.Zero),
        "Direct assistance 2026", "SGP2", organisation, "Ukraine", "UA-REG-77", "UA-12345", 8,
        "Shelter and legal aid for survivors in Kharkiv", "Ukraine", new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 12,
        [("Context and needs", string.Join(" ", Enumerable.Repeat("Survivors need safe shelter, legal aid and medical care.", 12))),
         ("Objectives", "Assist 120 survivors."), ("Activities", "Shelter; legal aid."), ("Work plan", "Quarterly."),
         ("Risks and mitigation", "Security."), ("Involvement of survivors", "A survivor advisory council.")],
        [new("Female", "Adult", "Sexual exploitation", 80), new("Male", "Child", "Forced labour", 40)],
        Enumerable.Range(0, budgetLines).Select(i => new ApplicationSummaryData.BudgetLine("Direct assistance", $"Budget line {i + 1}", 1_000.25m)).ToList(),
        [new("Registration certificate", "statut-association.pdf", 120_000, "a3f1c2d4e5f60718293a4b5c6d7e8f90a3f1c2d4e5f60718293a4b5c6d7e8f90")],
        [new("Submitted", new DateTimeOffset(2026, 3, 30, 14, 5, 0, TimeSpan.Zero))],
        null, "Олена Петренко", "Director");

    [Theory]
    [InlineData("Центр «Надежда»")]
    [InlineData("جمعية الأمل")]
    [InlineData("Association Espérance Côte d'Ivoire")]
    public void RenderApplicationSummary_AnyScript_NumbersPagesAndIsDeterministic(string organisation)
    {
        var renderer = new ReportRenderer();
        var bytes = renderer.RenderApplicationSummary(Sample(organisation));
        if (Environment.GetEnvironmentVariable("APPLICATION_SUMMARY_SAMPLE_DIR") is { Length: > 0 } dir)
            File.WriteAllBytes(Path.Combine(dir, $"application-{organisation.Length}.pdf"), bytes);

        Assert.Equal(bytes, renderer.RenderApplicationSummary(Sample(organisation)));
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Application VTF-2026-0007", pdf.Information.Title);
        var pages = PdfText.AllPageWords(bytes);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        Assert.Contains("Shelter and legal aid for survivors in Kharkiv", text);
        Assert.Contains("Total requested 3,000.75", text);
        Assert.Contains("Total 120", text);
        if (!organisation.StartsWith('ج')) Assert.Contains(organisation, text);
    }

    [Fact]
    public void RenderApplicationSummary_LongBudget_RunsOverPagesWithNumbers()
    {
        var pages = PdfText.AllPageWords(new ReportRenderer().RenderApplicationSummary(Sample(budgetLines: 80)));

        Assert.True(pages.Count >= 3);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.Contains("Budget line 80", string.Join(" ", pages));
    }
}
