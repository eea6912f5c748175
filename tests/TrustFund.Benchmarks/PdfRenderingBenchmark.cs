using System.Diagnostics;
using System.Globalization;
using SkiaSharp;
using TrustFund.Infrastructure.Pdf;

// Renders a 1,000-row grant table (6 columns) with the engine and, in the same process, draws the
// same text and rules straight onto a SkiaSharp PDF canvas without layout, shaping or subsetting.
// Usage: dotnet run -c Release --project Bench [-- rows]
// The annual fund report benchmark: dotnet run -c Release --project Bench -- annual [engine|raw|both] (AnnualReportBenchmark.cs).
if (args.Length > 0 && args[0] == "annual")
{
    AnnualReportBenchmark.Run(args[1..]);
    return;
}
int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
const int Runs = 5;
var issued = new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero);
string[] organisations = ["La Strada International", "Centre for Legal Aid and Rehabilitation", "Фонд «Надежда»", "جمعية رعاية ضحايا الاتجار", "Association for the Protection of Women and Children Survivors of Trafficking"];
string[] countries = ["Ukraine", "Jordan", "Nigeria", "Philippines", "Mexico"];
string[][] data = Enumerable.Range(1, rows).Select(i => new[]
{
    $"VTF-{i:0000}", organisations[i % 5], countries[i % 5], $"{2024 + i % 3}",
    (25_000m + i * 137.5m).ToString("#,##0.00", CultureInfo.InvariantCulture), i % 7 == 0 ? "Pending" : "Paid",
}).ToArray();

byte[] Engine(bool charts) =>
    PdfDocumentBuilder.Create(new DocumentInfo("Benchmark — grant table", "Benchmark", "en", issued))
        .Content(c =>
        {
            c.Heading("Grants awarded");
            if (charts)
            {
                c.BarChart("Grants by region", [("Africa", 1320), ("Americas", 640), ("Arab States", 480), ("Asia-Pacific", 905), ("Europe", 780)]);
                c.PieChart("Assistance mix", [("Shelter", 38), ("Legal aid", 24), ("Medical", 18), ("Other", 20)], donut: true);
            }
            c.Table(t =>
            {
                t.FixedColumn("Ref.", 60);
                t.Column("Organisation", 3);
                t.Column("Country", 1.3f);
                t.FixedColumn("Cycle", 40, Align.Center);
                t.Column("Amount (USD)", 1.4f, Align.Right);
                t.FixedColumn("Status", 50, Align.Center);
                foreach (var r in data) t.Row(r);
            });
        })
        .RenderToBytes();

using var typeface = SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "NotoSans-Regular.ttf"));
byte[] Raw()
{
    float[] widths = [60, 190, 80, 40, 90, 50];
    using var stream = new MemoryStream();
    using var font = new SKFont(typeface, 9);
    using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
    using var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
    using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "raw", Creation = issued.UtcDateTime, Modified = issued.UtcDateTime }))
    {
        SKCanvas? canvas = null;
        float y = 0;
        void Header()
        {
            float x = 56;
            foreach (var (h, w) in new[] { "Ref.", "Organisation", "Country", "Cycle", "Amount (USD)", "Status" }.Zip(widths))
            { canvas!.DrawText(h, x + 4, y + 10, SKTextAlign.Left, font, text); x += w; }
            y += 14; canvas!.DrawLine(56, y, 566, y, rule);
        }
        foreach (var r in data)
        {
            if (canvas is null || y > 780)
            {
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(595, 842);
                y = 60;
                Header();
            }
            float x = 56;
            for (int i = 0; i < 6; i++)
            {
                canvas.DrawText(r[i], i == 4 ? x + widths[i] - 4 : x + 4, y + 10, i == 4 ? SKTextAlign.Right : SKTextAlign.Left, font, text);
                x += widths[i];
            }
            y += 14;
            canvas.DrawLine(56, y, 566, y, rule);
        }
        document.EndPage();
        document.Close();
    }
    return stream.ToArray();
}

(double Median, double Min, long Bytes, long Allocated) Measure(Func<byte[]> render)
{
    render(); // warm-up: JIT, font loading, ScottPlot statics
    var times = new List<double>();
    long size = 0;
    long before = GC.GetTotalAllocatedBytes(precise: true);
    for (int i = 0; i < Runs; i++)
    {
        var sw = Stopwatch.StartNew();
        size = render().Length;
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / Runs;
    times.Sort();
    return (times[Runs / 2], times[0], size, allocated);
}

var raw = Measure(Raw);
var engineTable = Measure(() => Engine(charts: false));
var engineFull = Measure(() => Engine(charts: true));
using var process = Process.GetCurrentProcess();
process.Refresh();

Console.WriteLine($"rows={rows}, runs={Runs} (median / min ms), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
void Line(string name, (double Median, double Min, long Bytes, long Allocated) m) =>
    Console.WriteLine($"{name,-34} {m.Median,8:F1} ms {m.Min,8:F1} ms  {m.Bytes / 1024,6} KiB pdf  {m.Allocated / 1048576.0,7:F1} MiB allocated/render");
Line("raw SkiaSharp canvas (no layout)", raw);
Line("engine, table only", engineTable);
Line("engine, table + bar + donut chart", engineFull);
Console.WriteLine($"engine/raw (table only): {engineTable.Median / raw.Median:F2}x; (with charts): {engineFull.Median / raw.Median:F2}x");
Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:F1} MiB; GC heap now {GC.GetTotalMemory(false) / 1048576.0:F1} MiB; gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
