using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.AnnualReport;

/// <summary>Who sat on the Board during the year, seat by seat, and its sessions.</summary>
internal sealed class BoardSection(AnnualReportData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Section(l.T("Board of Trustees"));
        c.Paragraph(l.T("The Board has five members, one from each United Nations regional group, appointed by the Secretary-General for three-year terms. Members who served at any time during the year:"), TextAlignment.Justify);
        c.Table(t =>
        {
            t.FixedColumn(l.T("Regional group"), 150);
            t.Column(l.T("Trustees"));
            foreach (var seat in data.Board)
                t.Row(seat.RegionalGroup, seat.Trustees.Count == 0 ? l.T("Vacant") : l.Semicolons(seat.Trustees));
        });
        c.Spacing(4);
        c.Heading(l.T("Board sessions"), 3);
        if (data.BoardSessions.Count == 0)
        {
            c.Paragraph(l.T("No board session is recorded in TrustFund for this year yet. Sessions and their decisions will be listed here once board sessions are recorded."));
            return;
        }
        c.Table(t =>
        {
            t.FixedColumn(l.T("Date"), 80);
            t.Column(l.T("Session"));
            t.FixedColumn(l.T("Decisions"), 60, Align.Right);
            foreach (var session in data.BoardSessions) t.Row(l.Date(session.Date), session.Title, l.Count(session.Decisions));
        });
    }
}
