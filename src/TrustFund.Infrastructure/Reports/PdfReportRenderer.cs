using System.Globalization;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Infrastructure.Reports;

/// <summary>The fund's documents, composed with the PDF engine. English for now; figures to the cent.</summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public byte[] RenderCallsSummary(CallsSummaryData data)
    {
        var info = new DocumentInfo(data.Title, $"Calls for proposals announced for {data.Year}", "en", data.IssuedAt);
        return PdfDocumentBuilder.Create(info)
            .Content(c =>
            {
                c.Wordmark();
                c.Heading(data.Title);
                c.KeyValues(
                    ("Year", data.Year.ToString(CultureInfo.InvariantCulture)),
                    ("Calls", data.Calls.Count.ToString(CultureInfo.InvariantCulture)),
                    ("Total envelope", Usd(data.Calls.Sum(l => l.Envelope))),
                    ("Issued", data.IssuedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English)),
                    ("Issued by", data.IssuedBy));
                c.Spacing(8);
                if (data.Calls.Count == 0)
                {
                    c.Paragraph($"No call for proposals has a deadline in {data.Year}.");
                    return;
                }

                c.Heading("Calls", 2);
                c.Table(t =>
                {
                    t.Column("Call", 3);
                    t.FixedColumn("Window", 44);
                    t.FixedColumn("Envelope", 78, Align.Right);
                    t.FixedColumn("Grant (min–max)", 92, Align.Right);
                    t.Column("Deadline (call's time zone)", 2);
                    t.FixedColumn("Status", 58);
                    foreach (var call in data.Calls)
                        t.Row(call.Title, call.WindowCode, Usd(call.Envelope), $"{Amount(call.MinGrant)}–{Amount(call.MaxGrant)}",
                            Deadline(call.Deadline, call.TimeZoneId), call.Status);
                    t.TotalRow("Total", "", Usd(data.Calls.Sum(l => l.Envelope)), "", "", "");
                });
                c.Note("Deadlines are shown as announced, in each call's own time zone. Amounts in US dollars.");

                c.Spacing(8);
                c.Heading("Envelope by window", 2);
                var byWindow = data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, (double)g.Sum(l => l.Envelope))).ToList();
                c.BarChart("Total envelope by funding window (USD)", byWindow);
                c.Table(t =>
                {
                    t.Column("Window", 2);
                    t.Column("Calls", 1, Align.Right);
                    t.Column("Envelope", 2, Align.Right);
                    foreach (var group in data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                        t.Row(group.Key, group.Count().ToString(CultureInfo.InvariantCulture), Usd(group.Sum(l => l.Envelope)));
                });
            })
            .RenderToBytes();
    }

    private static string Usd(decimal amount) => "USD " + Amount(amount);

    private static string Amount(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>"31 Mar 2026, 23:59 Europe/Vienna": the deadline as the call announced it.</summary>
    private static string Deadline(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy, HH:mm", English)} {timeZoneId}";
    }
}
