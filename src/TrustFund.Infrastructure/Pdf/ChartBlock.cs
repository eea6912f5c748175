using ScottPlot;
using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>A captioned chart of a fixed height; caption and chart always stay on one page.</summary>
internal sealed record ChartBlock(string Title, ChartSpec Spec, float Height) : IBlock
{
    /// <summary>The caption and the chart: they always stay together, and with a heading above them.</summary>
    public float LeadHeight(PageFlow flow) =>
        LineBreaker.Break(flow.Shaper, Title, bold: true, DocumentTheme.BodySize, flow.Width, TextAlignment.Left).Sum(l => l.Height) + Height;

    public void Layout(PageFlow flow)
    {
        var caption = LineBreaker.Break(flow.Shaper, Title, bold: true, DocumentTheme.BodySize, flow.Width, TextAlignment.Left);
        float captionHeight = caption.Sum(l => l.Height);
        float height = Math.Min(Height, flow.PageHeight - captionHeight);
        flow.EnsureRoom(captionHeight + height);
        flow.AddLines(caption, flow.Left, DocumentTheme.Text);
        flow.Add(new ChartDrawing(Spec, SKRect.Create(flow.Left, flow.Y, flow.Width, height)));
        flow.Advance(height);
        flow.Gap(DocumentTheme.ParagraphGap * 2);
    }
}

/// <summary>Renders the ScottPlot plot as vectors straight onto the PDF page canvas.</summary>
internal sealed record ChartDrawing(ChartSpec Spec, SKRect Rect) : IPageDrawing
{
    public void Draw(SKCanvas canvas, TextShaper shaper)
    {
        // ScottPlot formats tick numbers with the current culture, which the builder sets to the document's while it paints.
        var plot = ChartPlotFactory.Create(Spec);
        canvas.Save();
        canvas.ClipRect(Rect);
        plot.Render(canvas, new PixelRect(Rect.Left, Rect.Right, Rect.Bottom, Rect.Top));
        canvas.Restore();
    }
}
