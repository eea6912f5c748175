using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

/// <summary>Where the application has been, the eligibility decision, and who signed its declaration.</summary>
internal sealed class HistorySection(ApplicationSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Status history"), 2);
        if (data.History.Count == 0) c.Paragraph(l.T("The application has not been submitted."));
        else
            c.Table(t =>
            {
                t.Column(l.T("Status"), 2);
                t.Column(l.T("Date"), 2);
                foreach (var line in data.History) t.Row(line.Status, l.Instant(line.At));
            });
        if (data.EligibilityReason is { Length: > 0 } reason) c.KeyValues((l.T("Eligibility decision"), reason));
        if (data.SignatoryName is not { Length: > 0 } signatory) return;
        c.Spacing(8);
        c.Note(string.IsNullOrWhiteSpace(data.SignatoryTitle)
            ? l.F("Declaration accepted by {0}.", signatory)
            : l.F("Declaration accepted by {0}, {1}.", signatory, data.SignatoryTitle));
    }
}
