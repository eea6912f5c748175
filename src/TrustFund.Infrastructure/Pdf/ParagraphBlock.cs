namespace TrustFund.Infrastructure.Pdf;

/// <summary>Body text, wrapped at word boundaries; may continue on the next page between lines.</summary>
internal sealed record ParagraphBlock(string Text, TextAlignment Alignment, bool Bold, float Size) : IBlock
{
    private List<TextLine>? _lines;

    /// <summary>A footnote of the block before it (a table), kept with that block's end.</summary>
    public bool ClosesPrevious { get; init; }

    public void Layout(PageFlow flow)
    {
        flow.AddLines(Lines(flow), flow.Left, DocumentTheme.Text);
        flow.Gap(DocumentTheme.ParagraphGap);
    }

    public float Height(PageFlow flow) => Lines(flow).Sum(l => l.Height);

    // Broken once: the table before a footnote measures it, then it is laid out.
    private List<TextLine> Lines(PageFlow flow) => _lines ??= LineBreaker.Break(flow.Shaper, Text, Bold, Size, flow.Width, Alignment);
}
