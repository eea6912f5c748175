namespace TrustFund.Infrastructure.Pdf;

/// <summary>Body text, wrapped at word boundaries; may continue on the next page between lines.</summary>
internal sealed record ParagraphBlock(string Text, TextAlignment Alignment, bool Bold, float Size) : IBlock
{
    public void Layout(PageFlow flow)
    {
        var lines = LineBreaker.Break(flow.Shaper, Text, Bold, Size, flow.Width, Alignment);
        flow.AddLines(lines, flow.Left, DocumentTheme.Text);
        flow.Gap(DocumentTheme.ParagraphGap);
    }
}
