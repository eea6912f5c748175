namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Lays out a table: measures every row first (cells wrap inside their column), then places rows,
/// starting a new page — with the header row drawn again — whenever the next row would not fit whole.
/// A short table (at most <see cref="KeepTogetherRows"/> rows) is not split: it moves whole to the next page.
/// </summary>
internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<(string[] Cells, bool Total)> rows) : IBlock
{
    private const float Size = DocumentTheme.TableSize;

    /// <summary>Tables of this many rows or fewer are kept on one page (a breakdown split after its first row reads badly).</summary>
    public const int KeepTogetherRows = 8;

    // Grant tables repeat many cell values (countries, statuses, organisations): wrap each once.
    private readonly Dictionary<(string, bool, int), List<TextLine>> _cells = [];

    public void Layout(PageFlow flow) => Layout(flow, 0);

    /// <param name="trailing">The height of a footnote that must share the page of the last row.</param>
    public void Layout(PageFlow flow, float trailing)
    {
        if (columns.Count == 0) throw new InvalidOperationException("A table needs at least one column.");
        var widths = ColumnWidths(flow.Width);
        _cells.Clear();
        var header = MeasureRow(flow.Shaper, columns.Select(c => c.Header).ToArray(), bold: true, widths);
        var body = rows.Select(r => (Cells: MeasureRow(flow.Shaper, r.Cells, r.Total, widths), r.Total)).ToList();

        float whole = header.Height + body.Sum(r => r.Cells.Height);
        // What cannot share one page with its footnote anyway is laid out as if it had none.
        if (header.Height + (body.Count > 0 ? body[^1].Cells.Height : 0) + trailing + 2 * DocumentTheme.ParagraphGap > flow.PageHeight) trailing = 0;
        else if (trailing > 0) trailing += 2 * DocumentTheme.ParagraphGap;
        flow.EnsureRoom(body.Count <= KeepTogetherRows && whole + trailing <= flow.PageHeight ? whole + trailing
            : header.Height + (body.Count > 0 ? body[0].Cells.Height : 0));
        DrawHeader(flow, header, widths);
        for (var i = 0; i < body.Count; i++)
        {
            var (row, total) = body[i];
            var needed = i == body.Count - 1 ? row.Height + trailing : row.Height;
            if (!flow.Fits(needed) && !flow.AtPageTop)
            {
                flow.NewPage();
                DrawHeader(flow, header, widths);
            }
            if (total)
                flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth * 1.5f));
            DrawCells(flow, row, widths);
            flow.Advance(row.Height);
            if (!total)
                flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.LightRule, DocumentTheme.RuleWidth));
        }
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
        flow.Gap(DocumentTheme.ParagraphGap * 2);
    }

    /// <summary>A short table whole, a longer one its header and first row.</summary>
    public float LeadHeight(PageFlow flow)
    {
        var widths = ColumnWidths(flow.Width);
        float height = MeasureRow(flow.Shaper, columns.Select(c => c.Header).ToArray(), bold: true, widths).Height;
        foreach (var row in rows.Take(rows.Count <= KeepTogetherRows ? rows.Count : 1))
            height += MeasureRow(flow.Shaper, row.Cells, row.Total, widths).Height;
        return height;
    }

    private float[] ColumnWidths(float total)
    {
        float fixedSum = columns.Sum(c => c.FixedWidth ?? 0);
        float shares = columns.Sum(c => c.RelativeWidth);
        float rest = Math.Max(0, total - fixedSum);
        return columns.Select(c => c.FixedWidth ?? (shares > 0 ? rest * c.RelativeWidth / shares : 0)).ToArray();
    }

    private sealed record MeasuredRow(List<TextLine>[] Cells, float Height);

    private MeasuredRow MeasureRow(TextShaper shaper, string[] cells, bool bold, float[] widths)
    {
        var measured = new List<TextLine>[columns.Count];
        float height = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            string text = i < cells.Length ? cells[i] ?? "" : "";
            var alignment = columns[i].Align switch
            {
                Align.Right => TextAlignment.Right,
                Align.Center => TextAlignment.Center,
                _ => TextAlignment.Left,
            };
            if (!_cells.TryGetValue((text, bold, i), out var lines))
            {
                lines = LineBreaker.Break(shaper, text, bold, Size, widths[i] - 2 * DocumentTheme.CellPaddingX, alignment);
                _cells[(text, bold, i)] = lines;
            }
            measured[i] = lines;
            height = Math.Max(height, measured[i].Sum(l => l.Height));
        }
        return new MeasuredRow(measured, height + 2 * DocumentTheme.CellPaddingY);
    }

    private static void DrawHeader(PageFlow flow, MeasuredRow header, float[] widths)
    {
        flow.Add(new FillDrawing(SkiaSharp.SKRect.Create(flow.Left, flow.Y, flow.Width, header.Height), DocumentTheme.HeaderFill));
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
        DrawCells(flow, header, widths);
        flow.Advance(header.Height);
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
    }

    private static void DrawCells(PageFlow flow, MeasuredRow row, float[] widths)
    {
        float x = flow.Left;
        for (int i = 0; i < row.Cells.Length; i++)
        {
            float top = flow.Y + DocumentTheme.CellPaddingY;
            foreach (var line in row.Cells[i])
            {
                flow.Add(new TextDrawing(line, x + DocumentTheme.CellPaddingX, top, DocumentTheme.Text));
                top += line.Height;
            }
            x += widths[i];
        }
    }
}
