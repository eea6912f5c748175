using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>An encoded image (PNG/JPEG) at a width in points, height from its aspect ratio; never wider than the text column.</summary>
internal sealed record ImageBlock(byte[] Encoded, float? Width, Align Align) : IBlock
{
    public void Layout(PageFlow flow)
    {
        var info = SKBitmap.DecodeBounds(Encoded);
        if (info.Width <= 0 || info.Height <= 0)
            throw new ArgumentException("The image could not be decoded (PNG or JPEG expected).");
        float width = Math.Min(Width ?? info.Width, flow.Width);
        float height = width * info.Height / info.Width;
        height = Math.Min(height, flow.PageHeight);
        width = height * info.Width / info.Height;
        flow.EnsureRoom(height);
        float x = Align switch
        {
            Align.Right => flow.Right - width,
            Align.Center => flow.Left + (flow.Width - width) / 2,
            _ => flow.Left,
        };
        flow.Add(new ImageDrawing(Encoded, SKRect.Create(x, flow.Y, width, height)));
        flow.Advance(height);
        flow.Gap(DocumentTheme.ParagraphGap);
    }
}
