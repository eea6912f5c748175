using TrustFund.Infrastructure.Pdf;

namespace TrustFund.UnitTests.Pdf;

/// <summary>A realistic multi-page report used by several tests and to produce sample.pdf for eyeballing.</summary>
internal static class SampleDocument
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);
    public const string Title = "Annual report 2026 — Grant portfolio";
    public const string CyrillicName = "Анна Ковальчук";
    public const string ArabicName = "فاطمة الزهراء";

    public static PdfDocumentBuilder Build(int grantRows = 80, byte[]? png = null) =>
        PdfDocumentBuilder.Create(new DocumentInfo(Title, "Grants awarded by the Fund in 2026", "en", IssuedAt))
            .PageSize(PageSize.A4)
            .Content(c =>
            {
                c.Wordmark();
                c.Heading("Annual report 2026");
                c.Paragraph(
                    "The UN Voluntary Trust Fund for Victims of Trafficking in Persons, especially Women and Children, " +
                    "provides humanitarian, legal and financial aid to victims of trafficking through grants to specialised " +
                    "civil society organisations. This report summarises the grants awarded during the 2026 grant cycle, " +
                    "their distribution by region and the status of reporting by grantees.", TextAlignment.Justify);
                c.Paragraph($"Focal points this cycle included {CyrillicName} (Kyiv) and {ArabicName} (Amman), " +
                            "who coordinated the review of project proposals.", TextAlignment.Justify);
                c.KeyValues(
                    ("Grant cycle", "2026"),
                    ("Grants awarded", $"{grantRows}"),
                    ("Total awarded", "USD 4,125,000.00"),
                    ("Programme officer", CyrillicName),
                    ("Regional focal point", ArabicName),
                    ("Issued", "15 March 2026"));
                c.Heading("Funding by region", 2);
                c.BarChart("Grants awarded by region (USD thousands)",
                    [("Africa", 1320), ("Americas", 640), ("Arab States", 480), ("Asia-Pacific", 905), ("Europe", 780)]);
                c.PieChart("Share of grants by type of assistance",
                    [("Shelter", 38), ("Legal aid", 24), ("Medical", 18), ("Psychosocial", 12), ("Reintegration", 8)], donut: true);
                c.StackedBarChart("Disbursements by quarter (USD thousands)", ["Q1", "Q2", "Q3", "Q4"],
                    [new ChartSeries("First instalment", [420, 510, 380, 300]), new ChartSeries("Second instalment", [0, 180, 390, 460])]);
                if (png is not null) c.Image(png, 120);
                c.PageBreak();
                c.Heading("Grants awarded", 2);
                c.Paragraph("All amounts in United States dollars. Grants are listed by reference number.");
                c.Table(t =>
                {
                    t.FixedColumn("Ref.", 62);
                    t.Column("Organisation", 3);
                    t.Column("Country", 1.4f);
                    t.Column("Contact", 2);
                    t.Column("Amount (USD)", 1.4f, Align.Right);
                    t.FixedColumn("Status", 52, Align.Center);
                    for (int i = 1; i <= grantRows; i++)
                        t.Row(GrantRef(i), Organisation(i), Country(i), Contact(i), Amount(i), i % 7 == 0 ? "Pending" : "Paid");
                    t.TotalRow("", "Total", "", "", "4,125,000.00", "");
                });
                c.Heading("Notes", 3);
                c.Note("Figures are provisional until the audited financial statements for 2026 are issued.");
            });

    public static string GrantRef(int i) => $"VTF-{i:0000}";
    public static string Organisation(int i) => (i % 5) switch
    {
        0 => "Association for the Protection of Women and Children Survivors of Trafficking",
        1 => "La Strada International",
        2 => "Centre for Legal Aid and Rehabilitation",
        3 => "Фонд «Надежда»",
        _ => "جمعية رعاية ضحايا الاتجار",
    };
    public static string Country(int i) => (i % 4) switch { 0 => "Ukraine", 1 => "Jordan", 2 => "Nigeria", _ => "Philippines" };
    public static string Contact(int i) => (i % 3) switch { 0 => CyrillicName, 1 => ArabicName, _ => "Maria dos Santos" };
    public static string Amount(int i) => (25_000m + i * 1_137.5m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
