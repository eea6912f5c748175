using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.CallsSummary;

internal sealed class CallsTable(CallsSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Calls"), 2);
        c.Table(t =>
        {
            // Widths chosen so amounts and the date and hour never wrap; the time zone goes to a second line.
            t.Column(l.T("Call"));
            t.FixedColumn(l.T("Window"), 40);
            t.FixedColumn(l.T("Envelope"), 88, Align.Right);
            t.FixedColumn(l.T("Min–max grant"), 74, Align.Right);
            t.FixedColumn(l.T("Deadline"), 100);
            t.FixedColumn(l.T("Status"), 54);
            foreach (var call in data.Calls)
                t.Row(call.Title, call.WindowCode, l.Usd(call.Envelope), $"{l.Compact(call.MinGrant)}–{l.Compact(call.MaxGrant)}",
                    Deadline(call.Deadline, call.TimeZoneId), call.Status);
            t.TotalRow(l.T("Total"), "", l.Usd(data.Calls.Sum(call => call.Envelope)), "", "", "");
        });
        c.Note(l.T("Deadlines are shown as announced, in each call's own time zone. Amounts in US dollars."));
    }

    /// <summary>"31 Mar 2026, 23:59 Europe/Vienna": the deadline as the call announced it, in its own time zone.</summary>
    private string Deadline(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy, HH:mm", l.Culture)} {timeZoneId}";
    }
}
