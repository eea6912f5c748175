using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>
/// The annual fund report of one year: a cover, then numbered sections from the year in figures to the financial statement,
/// each a component. A section's number is its place in this list.
/// </summary>
public sealed class AnnualReportDocument(AnnualReportData data, DocumentLanguage l) : IDocument
{
    public DocumentInfo Info => l.Info(data.Title,
        l.F("Annual report of the UN Voluntary Trust Fund for Victims of Trafficking in Persons for {0}", l.Year(data.Year)), data.IssuedAt);

    public PageSize PageSize => data.Paper.ToPageSize();

    public void Compose(ContentBuilder content) => content
        .Component(new CoverPage(data, l))
        .PageBreak()
        .Component(new YearInFiguresSection(data, l)).Spacing(8)
        .Component(new ContributionsSection(data, l)).Spacing(8)
        .Component(new BoardSection(data, l)).Spacing(8)
        .Component(new SelectionSection(data, l)).Spacing(8)
        .Component(new GrantsAwardedSection(data, l)).Spacing(8)
        .Component(new ImplementationSection(data, l)).Spacing(8)
        .Component(new VictimsAssistedSection(data, l)).Spacing(8)
        .Component(new FinancialPerformanceSection(data, l))
        .PageBreak()
        .Component(new FinancialStatementSection(data, l));
}
