namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Collects the document's flowing blocks in reading order. Every method appends one block and
/// returns the builder, so content reads top to bottom like the page.
/// </summary>
public sealed class ContentBuilder
{
    internal List<IBlock> Blocks { get; } = [];

    // Numbered sections count here, so a section that a document leaves out renumbers the ones after it.
    private int _sections;

    private ContentBuilder Add(IBlock block)
    {
        Blocks.Add(block);
        return this;
    }

    /// <summary>The Fund's text wordmark ("UNODC" and the Fund's name over a rule), for a first page; English unless given.</summary>
    public ContentBuilder Wordmark(string mark = DocumentTheme.Organisation, string name = DocumentTheme.FundName) => Add(new WordmarkBlock(mark, name));

    /// <summary>A bold heading; level 1 is the largest and is underlined by a thin rule.</summary>
    public ContentBuilder Heading(string text, int level = 1)
    {
        if (level is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(level), "Heading levels are 1 to 3.");
        return Add(new HeadingBlock(text, level));
    }

    /// <summary>A level-2 heading numbered in document order ("3. Board of Trustees"): numbers are computed, never typed.</summary>
    public ContentBuilder Section(string title) => Heading($"{++_sections}. {title}", 2);

    /// <summary>Adds a component's blocks here, in order.</summary>
    public ContentBuilder Component(IComponent component)
    {
        component.Compose(this);
        return this;
    }

    /// <summary>Body text (10 pt), wrapped at spaces. A line break ('\n') starts a new line.</summary>
    public ContentBuilder Paragraph(string text, TextAlignment alignment = TextAlignment.Left, bool bold = false) =>
        Add(new ParagraphBlock(text, alignment, bold, DocumentTheme.BodySize));

    /// <summary>
    /// Small muted text (8 pt) for notes and sources. A note right after a table is that table's footnote: it is kept on
    /// the page of the table's last row, never left alone at the top of the next page.
    /// </summary>
    public ContentBuilder Note(string text, TextAlignment alignment = TextAlignment.Left) =>
        Add(new ParagraphBlock(text, alignment, false, DocumentTheme.SmallSize) { ClosesPrevious = true });

    /// <summary>A label/value grid; values are bold so the eye finds them.</summary>
    public ContentBuilder KeyValues(params (string Key, string Value)[] pairs) => Add(new KeyValueBlock(pairs));

    /// <summary>A table; see <see cref="TableBuilder"/>.</summary>
    public ContentBuilder Table(Action<TableBuilder> describe)
    {
        var table = new TableBuilder();
        describe(table);
        return Add(new TableBlock(table.Columns, table.Rows));
    }

    /// <summary>
    /// A captioned bar chart, drawn as vectors by ScottPlot; <paramref name="height"/> in points. Horizontal bars (first bar
    /// at the top) leave room for long category labels.
    /// </summary>
    public ContentBuilder BarChart(string title, IReadOnlyList<(string Label, double Value)> bars, float height = 200,
        bool horizontal = false) =>
        Add(new ChartBlock(title, new BarChartSpec(bars, horizontal), height));

    /// <summary>A captioned stacked bar chart: one stack per category, one colour per series, with a legend.</summary>
    public ContentBuilder StackedBarChart(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, float height = 220) =>
        Add(new ChartBlock(title, new StackedBarChartSpec(categories, series), height));

    /// <summary>A captioned pie (or donut) chart; the legend shows each slice's share.</summary>
    public ContentBuilder PieChart(string title, IReadOnlyList<(string Label, double Value)> slices, bool donut = false, float height = 200) =>
        Add(new ChartBlock(title, new PieChartSpec(slices, donut), height));

    /// <summary>A PNG or JPEG image, <paramref name="width"/> points wide (default: its pixel size, at most the text width).</summary>
    public ContentBuilder Image(byte[] encoded, float? width = null, Align align = Align.Left) =>
        Add(new ImageBlock(encoded, width, align));

    /// <summary>Vertical space in points.</summary>
    public ContentBuilder Spacing(float points) => Add(new SpacingBlock(points));

    /// <summary>Continues on a new page.</summary>
    public ContentBuilder PageBreak() => Add(new PageBreakBlock());
}
