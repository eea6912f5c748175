using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

internal sealed class TargetsSection(ApplicationSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("People to be assisted (targets)"), 2);
        if (data.Targets.Count == 0)
        {
            c.Paragraph(l.T("No beneficiary targets are given."));
            return;
        }
        c.Table(t =>
        {
            t.Column(l.T("Form of exploitation"), 3);
            t.Column(l.T("Sex"), 1);
            t.Column(l.T("Age group"), 1);
            t.Column(l.T("People"), 1, Align.Right);
            foreach (var line in data.Targets) t.Row(line.FormOfExploitation, line.Sex, line.AgeGroup, l.Count(line.Count));
            // Added up as long: stored counts out of bounds must still open (issue 13), never overflow.
            t.TotalRow(l.T("Total"), "", "", data.Targets.Sum(x => (long)x.Count).ToString("N0", l.Culture));
        });
    }
}
