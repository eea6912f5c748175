using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.AnnualReport;
using TrustFund.Infrastructure.Reports.ApplicationSummary;
using TrustFund.Infrastructure.Reports.BoardMinutes;
using TrustFund.Infrastructure.Reports.CallsSummary;
using TrustFund.Infrastructure.Reports.DonorStatement;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports;

/// <summary>
/// The fund's documents, each a class composed of section components, rendered in the language its data names with the
/// texts of <paramref name="text"/> (the pages' EN/FR/ES catalogue in the application).
/// </summary>
public sealed class ReportRenderer(IDocumentText text) : IReportRenderer
{
    /// <summary>Every document in English (benchmarks and unit tests, which have no catalogue).</summary>
    public ReportRenderer() : this(new EnglishDocumentText()) { }

    public byte[] RenderCallsSummary(CallsSummaryData data) => new CallsSummaryDocument(data, In(data.Language)).GeneratePdf();

    public byte[] RenderDonorStatement(DonorStatementData data) => new DonorStatementDocument(data, In(data.Language)).GeneratePdf();

    public byte[] RenderAnnualReport(AnnualReportData data) => new AnnualReportDocument(data, In(data.Language)).GeneratePdf();

    public byte[] RenderApplicationSummary(ApplicationSummaryData data) => new ApplicationSummaryDocument(data, In(data.Language)).GeneratePdf();

    public byte[] RenderBoardMinutes(BoardMinutesData data) => new BoardMinutesDocument(data, In(data.Language)).GeneratePdf();

    private DocumentLanguage In(string language) => new(text, language);
}
