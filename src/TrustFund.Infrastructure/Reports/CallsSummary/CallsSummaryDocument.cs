using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.CallsSummary;

/// <summary>The calls for proposals whose deadline falls in one year: the list, then the envelope by funding window.</summary>
public sealed class CallsSummaryDocument(CallsSummaryData data, DocumentLanguage l) : IDocument
{
    public DocumentInfo Info => l.Info(data.Title,
        l.F("Calls for proposals announced for {0}", l.Year(data.Year)), data.IssuedAt);

    public PageSize PageSize => data.Paper.ToPageSize();

    public void Compose(ContentBuilder c)
    {
        var envelope = data.Calls.Sum(call => call.Envelope);
        c.Wordmark(l.Organisation, l.FundName)
            .Heading(Info.Title)
            .KeyValues(
                (l.T("Year"), l.Year(data.Year)),
                (l.T("Calls"), l.Count(data.Calls.Count)),
                (l.T("Total envelope"), l.Usd(envelope)),
                (l.T("Issued"), l.Instant(data.IssuedAt)),
                (l.T("Issued by"), data.IssuedBy))
            .Spacing(8);
        if (data.Calls.Count == 0)
        {
            c.Paragraph(l.F("No call for proposals has a deadline in {0}.", l.Year(data.Year)));
            return;
        }
        c.Component(new CallsTable(data, l)).Spacing(8).Component(new EnvelopeByWindow(data, l));
    }
}
