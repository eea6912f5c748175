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

    public byte[] RenderDonorStatement(DonorStatementData data)
    {
        var info = new DocumentInfo(data.Title, $"Statement of contributions of {data.DonorName}", "en", data.IssuedAt);
        return PdfDocumentBuilder.Create(info)
            .Content(c =>
            {
                c.Wordmark();
                c.Heading("Donor statement");
                c.KeyValues(
                    ("Donor", data.DonorName),
                    ("Type", data.DonorCountry is null ? data.DonorKind : $"{data.DonorKind}, {data.DonorCountry}"),
                    ("Period", $"{Date(data.From)} to {Date(data.To)}"),
                    ("Received in the period", Usd(data.JournalReceivedUsd)),
                    ("Issued", Issued(data.IssuedAt)),
                    ("Issued by", data.IssuedBy));
                c.Spacing(8);

                c.Heading("Pledges made in the period", 2);
                if (data.Pledges.Count == 0) c.Paragraph("No pledge was made in the period.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Date", 70);
                        t.Column("Earmark", 3);
                        t.FixedColumn("Amount", 96, Align.Right);
                        t.FixedColumn("UNORE rate", 62, Align.Right);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var p in data.Pledges)
                            t.Row(Date(p.PledgedOn), p.EarmarkPurpose ?? "Not earmarked", $"{p.Currency} {Amount(p.Amount)}",
                                Rate(p.UnitsPerUsd), Amount(p.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.Pledges.Sum(p => p.Usd)));
                    });
                c.Note("A pledge is valued in US dollars at the UNORE rate in force on the date it was made.");
                c.Spacing(8);

                c.Heading("Contributions received in the period", 2);
                if (data.Receipts.Count == 0) c.Paragraph("No contribution was received in the period.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Value date", 70);
                        t.Column("Bank reference", 3);
                        t.FixedColumn("Amount", 96, Align.Right);
                        t.FixedColumn("UNORE rate", 62, Align.Right);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var r in data.Receipts)
                            t.Row(Date(r.ValueDate), r.IsReversal ? $"Correction: {r.Reference} reversed" : r.Reference,
                                $"{r.Currency} {Amount(r.Amount)}", Rate(r.UnitsPerUsd), Amount(r.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.JournalReceivedUsd));
                    });
                c.Note("Each deposit is converted at the UNORE rate in force on its value date, as booked in the fund's journal; "
                    + "the total equals the journal's contributions received from this donor in the period.");
                c.Spacing(8);

                c.Heading("Earmarked contributions", 2);
                if (data.Earmarks.Count == 0) c.Paragraph("None of this donor's contributions in the period is earmarked.");
                else
                    c.Table(t =>
                    {
                        t.Column("Earmark purpose", 3);
                        t.FixedColumn("Pledged (USD)", 96, Align.Right);
                        t.FixedColumn("Received (USD)", 96, Align.Right);
                        foreach (var e in data.Earmarks) t.Row(e.Purpose, Amount(e.PledgedUsd), Amount(e.ReceivedUsd));
                    });
                c.Spacing(8);

                c.Heading("Grants funded from earmarked contributions", 3);
                if (data.FundedGrants.Count == 0)
                    c.Paragraph("No grant funded from this donor's earmarked contributions is recorded yet. Grants will be listed "
                        + "here, with their grantee, country and amount, once they are awarded and recorded in TrustFund.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Grant", 80);
                        t.Column("Grantee", 3);
                        t.Column("Country", 2);
                        t.Column("Earmark", 2);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var g in data.FundedGrants) t.Row(g.Reference, g.Grantee, g.Country, g.Earmark, Amount(g.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.FundedGrants.Sum(g => g.Usd)));
                    });
            })
            .RenderToBytes();
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    private static string Issued(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English);

    /// <summary>UNORE rates are published to four decimals at most; trailing zeros dropped (1 for USD).</summary>
    private static string Rate(decimal unitsPerUsd) => unitsPerUsd.ToString("0.######", CultureInfo.InvariantCulture);

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
