using System.Diagnostics;
using System.Globalization;
using SkiaSharp;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Reports;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Reports;

/// <summary>
/// The annual fund report for 1,000 grants and 200 donors, rendered by <see cref="ReportRenderer"/>, against drawing
/// the same text and rules straight onto a SkiaSharp PDF canvas (no layout, shaping, subsetting or charts).
/// The 1,000 grant rows are seeded here as the report's data receives them (reference, grantee, region, country, window,
/// amount, status), with their implementation lines, and one or two accepted narrative reports per grant that the timed
/// part adds up (<see cref="IssueAnnualReport.VictimsAssisted"/>, each grant's latest report) before rendering; the 200
/// donors, the board, the selection and the targets are seeded the same way. Database queries are not timed: this
/// measures the document.
/// Usage: dotnet run -c Release --project tests/TrustFund.Benchmarks -- annual [engine|raw|both] [grants] [donors]
/// (run "engine" and "raw" in separate processes for each one's own peak memory).
/// </summary>
internal static class AnnualReportBenchmark
{
    private const int Runs = 5;

    /// <summary>Loaded once, as the engine's embedded fonts are: the baseline should not pay for reading the file each time.</summary>
    private static readonly Lazy<SKTypeface> Typeface =
        new(() => SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "NotoSans-Regular.ttf")));

    public static void Run(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "both";
        var grants = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var donors = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var data = Seed(grants, donors);
        var narratives = SeedNarratives(grants);
        var renderer = new ReportRenderer();
        byte[] Render() => renderer.RenderAnnualReport(data with { Victims = IssueAnnualReport.VictimsAssisted(narratives, Names) });
        var withVictims = data with { Victims = IssueAnnualReport.VictimsAssisted(narratives, Names) };
        // Set ANNUAL_BENCHMARK_PDF to keep one rendering and look at it.
        if (Environment.GetEnvironmentVariable("ANNUAL_BENCHMARK_PDF") is { Length: > 0 } path) File.WriteAllBytes(path, Render());

        Console.WriteLine($"annual report: grants={grants}, donors={donors}, runs={Runs} (median / min ms), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        (double Median, double Min, long Bytes, long Allocated)? raw = null, engine = null;
        if (mode is "raw" or "both") raw = Measure(() => Raw(withVictims));
        if (mode is "engine" or "both") engine = Measure(Render);
        if (raw is { } r) Line("raw SkiaSharp canvas (no layout)", r);
        if (engine is { } e) Line("engine: annual report (with charts)", e);
        if (raw is { } r2 && engine is { } e2) Console.WriteLine($"engine/raw: {e2.Median / r2.Median:F2}x");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:F1} MiB; gen0/1/2 collections " +
            $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    private static void Line(string name, (double Median, double Min, long Bytes, long Allocated) m) =>
        Console.WriteLine($"{name,-36} {m.Median,8:F1} ms {m.Min,8:F1} ms  {m.Bytes / 1024,6} KiB pdf  {m.Allocated / 1048576.0,7:F1} MiB allocated/render");

    private static (double Median, double Min, long Bytes, long Allocated) Measure(Func<byte[]> render)
    {
        render(); // warm-up: JIT, fonts, ScottPlot statics
        var times = new List<double>();
        long size = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            size = render().Length;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / Runs;
        times.Sort();
        return (times[Runs / 2], times[0], size, allocated);
    }

    public static AnnualReportData Seed(int grants, int donors)
    {
        string[] names = ["République française", "Kingdom of Norway", "Российская Федерация", "دولة قطر", "Fundación Ñandú", "Україна"];
        string[] grantees = ["La Strada International", "Centre for Legal Aid and Rehabilitation", "Фонд «Надежда»",
            "جمعية رعاية ضحايا الاتجار", "Association pour la protection des femmes et des enfants victimes de la traite"];
        string[] countries = ["Ukraine", "Jordan", "Nigeria", "Philippines", "Mexico"];
        string[] regions = ["Eastern European States", "Asia-Pacific States", "African States", "Asia-Pacific States",
            "Latin American and Caribbean States"];
        string[] forms = ["Sexual exploitation", "Forced labour", "Forced criminality", "Domestic servitude", "Forced marriage"];
        var donorLines = Enumerable.Range(0, donors).Select(i => new AnnualReportData.DonorLine(
            i < names.Length ? names[i] : $"Donor {i + 1:000}", i % 3 == 0 ? "Member state" : "Foundation",
            100_000m + i * 1_234.56m, 90_000m + i * 1_111.11m)).ToList();
        var grantLines = Enumerable.Range(1, grants).Select(i => new AnnualReportData.GrantLine($"UNVTF-2026-SGP{1 + i % 2}-{i:0000}",
            grantees[i % 5], regions[i % 5], countries[i % 5], $"SGP{1 + i % 2}", 25_000m + i * 37.5m, i % 7 == 0 ? "Pending" : "Paid")).ToList();
        var statement = new AnnualReportData.FinancialStatement(1_250_000m, donorLines.Sum(d => d.DepositedUsd), 12_000m,
            grantLines.Sum(g => g.Usd), grantLines.Sum(g => g.Usd) * 0.13m, grantLines.Sum(g => g.Usd), grantLines.Sum(g => g.Usd),
            0m, 0m, 0m, 1_000_000m);
        return new AnnualReportData("Annual report 2026", 2026, new DateTimeOffset(2027, 1, 20, 8, 0, 0, TimeSpan.Zero), "benchmark",
            new(donorLines.Sum(d => d.PledgedUsd), statement.Contributions, statement.Disbursements, statement.Psc, 1_000_000m, donors,
                grants * 3, grants * 2, grants, 0.13m),
            statement, donorLines,
            [new("African States", ["Amina Diallo (Senegal), 1 Jan 2025 – 31 Dec 2027, chairperson"]),
             new("Eastern European States", ["Анна Ковальчук (Ukraine), 1 Jan 2024 – 31 Dec 2026"])],
            [],
            regions.Distinct().Select((r, i) => new AnnualReportData.SelectionLine(r, grants * 3 / 4, grants / 2, grants / 4)).ToList(),
            forms.SelectMany((f, i) => new[] { new AnnualReportData.TargetLine("Female", "Adult", f, 1_000 + i),
                new AnnualReportData.TargetLine("Male", "Child", f, 500 + i) }).ToList(),
            grantLines,
            Enumerable.Range(2022, 5).Select(y => new AnnualReportData.YearLine(y, 2_000_000m + y, 1_900_000m + y)).ToList())
        {
            Implementation = grantLines.Select((g, i) => new AnnualReportData.ImplementationLine(g.Reference, g.Grantee, g.Country,
                i % 11 == 0 ? "Closed" : "Signed", new DateOnly(2027, 1 + i % 12, 28), g.Usd / 2, i % 4, 2)).ToList(),
        };
    }

    // Declared before Names, which reads it when the class is initialised.
    private static readonly string[] Nationalities = Enumerable.Range(0, 30).Select(i => $"{(char)('A' + i / 26)}{(char)('A' + i % 26)}").ToArray();

    private static readonly IssueAnnualReport.ReferenceNames Names = new(
        new Dictionary<string, string> { ["SEXUAL_EXPLOITATION"] = "Sexual exploitation", ["FORCED_LABOUR"] = "Forced labour",
            ["DOMESTIC_SERVITUDE"] = "Domestic servitude", ["FORCED_MARRIAGE"] = "Forced marriage" },
        new Dictionary<string, string> { ["SHELTER"] = "Shelter", ["MEDICAL"] = "Medical assistance", ["PSYCHOLOGICAL"] = "Psychological assistance",
            ["LEGAL_AID"] = "Legal aid", ["EDUCATION_VOCATIONAL_TRAINING"] = "Education and vocational training", ["REINTEGRATION"] = "Reintegration" },
        Nationalities.ToDictionary(n => n, n => "Country " + n));

    /// <summary>An interim narrative report for every grant and a final one for every third, all accepted and due in the year.</summary>
    public static List<IssueAnnualReport.AcceptedNarrative> SeedNarratives(int grants)
    {
        string[] forms = ["SEXUAL_EXPLOITATION", "FORCED_LABOUR", "DOMESTIC_SERVITUDE", "FORCED_MARRIAGE"];
        string[] assistance = ["SHELTER", "MEDICAL", "PSYCHOLOGICAL", "LEGAL_AID", "EDUCATION_VOCATIONAL_TRAINING", "REINTEGRATION"];
        NarrativeReport Report(int i, int people) => new(
            [new("Female", people * 2 / 3), new("Male", people - people * 2 / 3)],
            [new("Child", people / 4), new("Adult", people - people / 4)],
            [new(Nationalities[i % Nationalities.Length], people / 2), new(Nationalities[(i * 7 + 3) % Nationalities.Length], people - people / 2)],
            [new(forms[i % forms.Length], people)],
            assistance.Take(1 + i % assistance.Length).Select(a => new ReportCount(a, people)).ToList(),
            "Activities as planned.", "", []);
        var reports = new List<IssueAnnualReport.AcceptedNarrative>();
        for (var i = 1; i <= grants; i++)
        {
            var grant = new Guid(i, 0, 0, new byte[8]);
            reports.Add(new(grant, GrantReportKind.InterimNarrative, new DateOnly(2026, 1 + i % 6, 15), Report(i, 20 + i % 40)));
            if (i % 3 == 0) reports.Add(new(grant, GrantReportKind.FinalNarrative, new DateOnly(2026, 7 + i % 6, 15), Report(i, 30 + i % 50)));
        }
        return reports;
    }

    /// <summary>
    /// The same text (headings, the donor, grant and implementation tables, the victims breakdowns, the statement) and rules,
    /// drawn row by row without layout.
    /// </summary>
    private static byte[] Raw(AnnualReportData data)
    {
        using var stream = new MemoryStream();
        using var font = new SKFont(Typeface.Value, 9);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        var issued = data.IssuedAt.UtcDateTime;
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "raw", Creation = issued, Modified = issued }))
        {
            SKCanvas? canvas = null;
            float y = 800;
            void NewLineRoom()
            {
                if (canvas is not null && y <= 780) return;
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(595, 842);
                y = 60;
            }
            void Row(float[] widths, string[] cells)
            {
                NewLineRoom();
                float x = 56;
                for (var i = 0; i < cells.Length; i++) { canvas!.DrawText(cells[i], x + 4, y + 10, SKTextAlign.Left, font, text); x += widths[i]; }
                y += 14;
                canvas!.DrawLine(56, y, 566, y, rule);
            }
            string N(decimal d) => d.ToString("N2", CultureInfo.InvariantCulture);
            Row([510], [data.Title]);
            float[] donorWidths = [24, 220, 80, 93, 93];
            Row(donorWidths, ["#", "Donor", "Type", "Pledged", "Deposited"]);
            var rank = 0;
            foreach (var d in data.Donors) Row(donorWidths, [(++rank).ToString(CultureInfo.InvariantCulture), d.Name, d.Kind, N(d.PledgedUsd), N(d.DepositedUsd)]);
            float[] grantWidths = [90, 150, 70, 60, 40, 60, 40];
            Row(grantWidths, ["Grant", "Grantee", "Region", "Country", "Window", "USD", "Status"]);
            foreach (var g in data.Grants) Row(grantWidths, [g.Reference, g.Grantee, g.Region, g.Country, g.Window, N(g.Usd), g.Status]);
            float[] implementationWidths = [100, 170, 60, 60, 70, 50];
            Row(implementationWidths, ["Grant", "Grantee", "Status", "Ends", "Disbursed", "Reports"]);
            foreach (var g in data.Implementation)
                Row(implementationWidths, [g.Reference, g.Grantee, g.Status, g.EndDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                    N(g.DisbursedUsd), $"{g.ReportsAccepted} / {g.ReportsDue}"]);
            var v = data.Victims;
            foreach (var breakdown in new[] { v.BySex, v.ByAgeGroup, v.ByForm, v.ByAssistance, v.ByNationality })
                foreach (var line in breakdown)
                    Row([300, 100, 110], [line.Label, line.Count.ToString("N0", CultureInfo.InvariantCulture),
                        (100m * line.Count / Math.Max(1, v.Total)).ToString("0.0", CultureInfo.InvariantCulture) + "%"]);
            var s = data.Statement;
            foreach (var (label, amount) in new[] { ("Opening", s.OpeningBalance), ("Contributions", s.Contributions), ("Refunds", s.Refunds),
                         ("Disbursements", s.Disbursements), ("PSC", s.Psc), ("Closing", s.ClosingBalance) })
                Row([400, 110], [label, N(amount)]);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }
}
