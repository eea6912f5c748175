using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Something placed on a page during layout and painted in the second pass. Layout decides
/// every position first, so the painting pass already knows the page count for "Page X of Y".
/// </summary>
internal interface IPageDrawing
{
    void Draw(SKCanvas canvas, TextShaper shaper);
}

/// <summary>A laid-out line of text, top-left at (X, Top).</summary>
internal sealed record TextDrawing(TextLine Line, float X, float Top, SKColor Color) : IPageDrawing
{
    public void Draw(SKCanvas canvas, TextShaper shaper)
    {
        Line.Draw(canvas, shaper, X, Top, shaper.FillPaint(Color));
    }
}

/// <summary>A straight hairline such as a table rule.</summary>
internal sealed record RuleDrawing(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : IPageDrawing
{
    public void Draw(SKCanvas canvas, TextShaper shaper)
    {
        canvas.DrawLine(X1, Y1, X2, Y2, shaper.StrokePaint(Color, Width));
    }
}

/// <summary>A filled rectangle, e.g. the light fill behind a table header.</summary>
internal sealed record FillDrawing(SKRect Rect, SKColor Color) : IPageDrawing
{
    public void Draw(SKCanvas canvas, TextShaper shaper)
    {
        canvas.DrawRect(Rect, shaper.FillPaint(Color));
    }
}

/// <summary>An encoded bitmap (PNG, JPEG) scaled into a rectangle; Skia embeds it in the PDF.</summary>
internal sealed record ImageDrawing(byte[] Encoded, SKRect Rect) : IPageDrawing
{
    public void Draw(SKCanvas canvas, TextShaper shaper)
    {
        using var image = SKImage.FromEncodedData(Encoded);
        if (image is null) return;
        canvas.DrawImage(image, Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }
}
