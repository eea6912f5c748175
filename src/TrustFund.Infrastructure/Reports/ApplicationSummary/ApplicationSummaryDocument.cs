using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

/// <summary>One application as submitted (or its draft), in the reader's language, for the organisation's records and the board pack.</summary>
public sealed class ApplicationSummaryDocument(ApplicationSummaryData data, DocumentLanguage l) : IDocument
{
    private string Title => data.ReferenceNumber is null ? l.F("Application (draft): {0}", data.ProjectTitle) : l.F("Application {0}", data.ReferenceNumber);

    public DocumentInfo Info => l.Info(Title, l.F("Application to the UN Voluntary Trust Fund: {0}", data.ProjectTitle), data.DocumentDate);

    public void Compose(ContentBuilder c) => c
        .Wordmark(l.Organisation, l.FundName)
        .Heading(data.ReferenceNumber is null ? l.T("Application (draft)") : Title)
        .Paragraph(data.ProjectTitle, bold: true)
        .KeyValues(
            (l.T("Call for proposals"), $"{data.CallTitle} ({data.WindowCode})"),
            (l.T("Status"), data.Status),
            (data.ReferenceNumber is null ? l.T("Last changed") : l.T("Submitted"), l.Instant(data.DocumentDate)))
        .Spacing(8)
        .Heading(l.T("Organisation"), 2)
        .KeyValues(
            (l.T("Legal name"), data.OrganisationName),
            (l.T("Country"), data.OrganisationCountry),
            (l.T("Registration number"), data.RegistrationNumber ?? "—"),
            (l.T("UN Partner Portal ID"), data.UnppPartnerId ?? "—"),
            (l.T("Years of direct assistance"), l.Count(data.YearsOfDirectAssistance)))
        .Spacing(8)
        .Component(new ProjectSection(data, l)).Spacing(8)
        .Component(new TargetsSection(data, l)).Spacing(8)
        .Component(new BudgetSection(data, l)).Spacing(8)
        .Component(new AttachmentsSection(data, l)).Spacing(8)
        .Component(new HistorySection(data, l));
}
