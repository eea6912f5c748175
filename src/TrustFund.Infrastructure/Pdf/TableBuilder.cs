namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Describes a table: columns first, then rows. The header row (the column titles) is repeated on
/// every page the table spans and rows are never split across pages.
/// </summary>
/// <example>
/// <code>
/// c.Table(t =>
/// {
///     t.FixedColumn("Ref.", 60);
///     t.Column("Organisation", 3);
///     t.Column("Amount (USD)", 1, Align.Right);
///     t.Row("VTF-001", "Example NGO", "12,500.00");
///     t.TotalRow("", "Total", "12,500.00");
/// });
/// </code>
/// </example>
public sealed class TableBuilder
{
    internal List<TableColumn> Columns { get; } = [];
    internal List<(string[] Cells, bool Total)> Rows { get; } = [];

    /// <summary>A column taking <paramref name="relativeWidth"/> shares of the width left after fixed columns.</summary>
    public TableBuilder Column(string header, float relativeWidth = 1, Align align = Align.Left)
    {
        if (relativeWidth <= 0) throw new ArgumentOutOfRangeException(nameof(relativeWidth), "Relative width must be positive.");
        Columns.Add(new TableColumn(header, null, relativeWidth, align));
        return this;
    }

    /// <summary>A column of a fixed width in points (e.g. a reference code or a date).</summary>
    public TableBuilder FixedColumn(string header, float points, Align align = Align.Left)
    {
        if (points <= 0) throw new ArgumentOutOfRangeException(nameof(points), "Width must be positive.");
        Columns.Add(new TableColumn(header, points, 0, align));
        return this;
    }

    /// <summary>A body row, one cell per column (missing cells are left empty).</summary>
    public TableBuilder Row(params string[] cells)
    {
        Rows.Add((cells, false));
        return this;
    }

    /// <summary>A bold row set off by a rule above it, for totals.</summary>
    public TableBuilder TotalRow(params string[] cells)
    {
        Rows.Add((cells, true));
        return this;
    }
}
