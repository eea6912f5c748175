using ScottPlot;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>Builds a sober ScottPlot 5 plot (muted palette, small type, light grid) from a <see cref="ChartSpec"/>.</summary>
internal static class ChartPlotFactory
{
    private const float FontSize = 8f;

    public static Plot Create(ChartSpec spec)
    {
        ChartFontResolver.EnsureRegistered();
        var plot = new Plot();
        switch (spec)
        {
            case BarChartSpec bar: AddBars(plot, bar); break;
            case StackedBarChartSpec stacked: AddStackedBars(plot, stacked); break;
            case PieChartSpec pie: AddPie(plot, pie); break;
            default: throw new NotSupportedException(spec.GetType().Name);
        }
        plot.Font.Set(ChartFontResolver.FamilyName);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Legend.FontSize = FontSize;
        plot.Legend.FontName = ChartFontResolver.FamilyName;
        plot.Legend.OutlineColor = Color.FromHex("#D5DBE0");
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Grid.MajorLineColor = Color.FromHex("#E4E8EC");
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Right, plot.Axes.Top })
        {
            axis.FrameLineStyle.Color = Color.FromHex("#9AA5AE");
            axis.FrameLineStyle.Width = 0.5f;
            axis.MajorTickStyle.Color = Color.FromHex("#9AA5AE");
            axis.MinorTickStyle.Length = 0;
        }
        return plot;
    }

    private static Color Palette(int i) => Color.FromHex(DocumentTheme.ChartPalette[i % DocumentTheme.ChartPalette.Length]);

    private static void AddBars(Plot plot, BarChartSpec spec)
    {
        // Horizontal bars are listed top down, as a table is read: the first bar gets the highest position.
        int Position(int i) => spec.Horizontal ? spec.Bars.Count - 1 - i : i;
        var bars = spec.Bars.Select((b, i) => new Bar
        {
            Position = Position(i),
            Value = b.Value,
            FillColor = Palette(0),
            LineWidth = 0,
            Size = 0.6,
            Orientation = spec.Horizontal ? Orientation.Horizontal : Orientation.Vertical,
        }).ToList();
        plot.Add.Bars(bars);
        if (spec.Horizontal)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (int i = 0; i < spec.Bars.Count; i++) ticks.AddMajor(Position(i), spec.Bars[i].Label);
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Grid.YAxisStyle.IsVisible = false;
            plot.Axes.Margins(left: 0, right: 0.05);
        }
        else
        {
            CategoryTicks(plot, spec.Bars.Select(b => b.Label).ToList());
            plot.Axes.Margins(bottom: 0);
        }
    }

    private static void AddStackedBars(Plot plot, StackedBarChartSpec spec)
    {
        var bases = new double[spec.Categories.Count];
        for (int s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var bars = new List<Bar>();
            for (int c = 0; c < spec.Categories.Count; c++)
            {
                double v = c < series.Values.Count ? series.Values[c] : 0;
                bars.Add(new Bar { Position = c, ValueBase = bases[c], Value = bases[c] + v, FillColor = Palette(s), LineWidth = 0, Size = 0.6 });
                bases[c] += v;
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series.Name;
            plottable.Color = Palette(s);
        }
        CategoryTicks(plot, spec.Categories);
        // The legend goes under the chart: inside, it covered the tallest bars whatever the margin.
        plot.Axes.Margins(bottom: 0, top: 0.05);
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>"75%" in English (and for the invariant culture), "75 %" in French and Spanish: the document's culture is current while charts are drawn.</summary>
    private static string Percent(double share)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var sign = culture.TwoLetterISOLanguageName is "fr" or "es" ? "\u00A0%" : "%";
        return (share * 100).ToString("0", culture) + sign;
    }

    private static void AddPie(Plot plot, PieChartSpec spec)
    {
        double total = spec.Slices.Sum(s => s.Value);
        var slices = spec.Slices.Select((s, i) => new PieSlice
        {
            Value = s.Value,
            FillColor = Palette(i),
            LegendText = total > 0 ? $"{s.Label} ({Percent(s.Value / total)})" : s.Label,
        }).ToList();
        var pie = plot.Add.Pie(slices);
        pie.DonutFraction = spec.Donut ? 0.55 : 0;
        pie.ExplodeFraction = 0;
        pie.LineColor = Colors.White;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.ShowLegend(Edge.Right);
    }

    private static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Count; i++) ticks.AddMajor(i, labels[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
    }
}
