using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

internal sealed class AttachmentsSection(ApplicationSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Attachments"), 2);
        if (data.Attachments.Count == 0)
        {
            c.Paragraph(l.T("No documents are attached."));
            return;
        }
        c.Table(t =>
        {
            t.FixedColumn(l.T("Document"), 130);
            t.Column(l.T("File"), 2);
            t.FixedColumn(l.T("Size"), 60, Align.Right);
            t.FixedColumn(l.T("SHA-256 (start)"), 90);
            foreach (var file in data.Attachments)
                t.Row(file.Type, file.FileName, l.F("{0} KB", l.Count((int)Math.Ceiling(file.Size / 1024.0))), file.Sha256[..12]);
        });
    }
}
