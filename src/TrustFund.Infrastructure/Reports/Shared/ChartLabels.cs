namespace TrustFund.Infrastructure.Reports.Shared;

internal static class ChartLabels
{
    /// <summary>Chart text supports Latin, Greek and Cyrillic only: a name in another script is replaced (a donor by its rank in the table).</summary>
    public static string Fit(string name, string fallback, int maxLength = 28)
    {
        var label = name.Length > maxLength ? name[..(maxLength - 1)] + "…" : name;
        return label.All(ch => ch < 0x500 || ch is >= '\u2000' and <= '\u206F') ? label : fallback;
    }

    /// <summary>Bars for a horizontal chart, whose labels have the room of a table's first column.</summary>
    public static List<(string, double)> Bars(IEnumerable<(string Label, int Count)> lines) =>
        lines.Select(l => (Fit(l.Label, "—", 40), (double)l.Count)).ToList();

    public static List<(string, double)> Slices(IEnumerable<(string Label, int Count)> lines) =>
        lines.Where(l => l.Count > 0).Select(l => (Fit(l.Label, l.Label), (double)l.Count)).ToList();
}
