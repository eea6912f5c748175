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
                    // Widths chosen so amounts and the date and hour never wrap; the time zone goes to a second line.
                    t.Column("Call");
                    t.FixedColumn("Window", 40);
                    t.FixedColumn("Envelope", 88, Align.Right);
                    t.FixedColumn("Min–max grant", 74, Align.Right);
                    t.FixedColumn("Deadline", 100);
                    t.FixedColumn("Status", 54);
                    foreach (var call in data.Calls)
                        t.Row(call.Title, call.WindowCode, Usd(call.Envelope), $"{Compact(call.MinGrant)}–{Compact(call.MaxGrant)}",
                            Deadline(call.Deadline, call.TimeZoneId), call.Status);
                    t.TotalRow("Total", "", Usd(data.Calls.Sum(l => l.Envelope)), "", "", "");
                });
                c.Note("Deadlines are shown as announced, in each call's own time zone. Amounts in US dollars.");

                c.Spacing(8);
                c.Heading("Envelope by window", 2);
                var byWindow = data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, (double)g.Sum(l => l.Envelope))).ToList();
                c.Table(t =>
                {
                    t.Column("Window", 2);
                    t.Column("Calls", 1, Align.Right);
                    t.Column("Envelope", 2, Align.Right);
                    foreach (var group in data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                        t.Row(group.Key, group.Count().ToString(CultureInfo.InvariantCulture), Usd(group.Sum(l => l.Envelope)));
                });
                c.Spacing(6);
                c.BarChart("Total envelope by funding window (USD)", byWindow, height: 150);
            })
            .RenderToBytes();
    }

    private static string Usd(decimal amount) => "USD " + Amount(amount);

    private static string Amount(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Grant limits are nearly always whole dollars: cents only when there are some, so the column stays narrow yet exact.</summary>
    private static string Compact(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>"31 Mar 2026, 23:59 Europe/Vienna": the deadline as the call announced it, in its own time zone.</summary>
    private static string Deadline(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy, HH:mm", English)} {timeZoneId}";
    }
}
