namespace TrustFund.Infrastructure.Pdf;

/// <summary>One named series of a stacked bar chart: one value per category, in category order.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per category.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
