namespace TrustFund.Infrastructure.Pdf;

/// <summary>What a chart shows; turned into a ScottPlot plot only when the page is painted.</summary>
internal abstract record ChartSpec;

/// <summary>One bar per category; <see cref="Horizontal"/> bars run left to right, the labels down the left side.</summary>
internal sealed record BarChartSpec(IReadOnlyList<(string Label, double Value)> Bars, bool Horizontal = false) : ChartSpec;

/// <summary>Bars made of stacked series, one stack per category.</summary>
internal sealed record StackedBarChartSpec(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : ChartSpec;

/// <summary>A pie, or a donut when <see cref="Donut"/> is set.</summary>
internal sealed record PieChartSpec(IReadOnlyList<(string Label, double Value)> Slices, bool Donut) : ChartSpec;
