using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

internal sealed class ProjectSection(ApplicationSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Project"), 2);
        c.KeyValues(
            (l.T("Country of implementation"), data.ImplementationCountry ?? "—"),
            (l.T("Period"), data.StartDate is { } start && data.EndDate is { } end ? l.F("{0} to {1}", l.Date(start), l.Date(end)) : "—"),
            (l.T("Duration"), data.DurationMonths is { } months ? l.Plural(months, "{0} month", "{0} months") : "—"));
        foreach (var (heading, body) in data.Narrative)
        {
            c.Heading(heading, 3);
            c.Paragraph(string.IsNullOrWhiteSpace(body) ? "—" : body, TextAlignment.Justify);
        }
    }
}
