using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>One laid-out line: glyph runs with their final x (from the line's left edge), in visual order.</summary>
internal sealed class TextLine
{
    public required IReadOnlyList<GlyphRun> Runs { get; init; }
    /// <summary>Width of the words and natural spaces, before any justification.</summary>
    public required float NaturalWidth { get; init; }
    public required float Size { get; init; }
    public float Height => Size * DocumentTheme.LineSpacing;

    /// <summary>Draws the line with its top-left corner at (x, top).</summary>
    public void Draw(SKCanvas canvas, TextShaper shaper, float x, float top, SKPaint paint)
    {
        if (Runs.Count == 0) return;
        float baseline = top + Size * DocumentTheme.AscentRatio;
        using var builder = new SKTextBlobBuilder();
        foreach (var run in Runs)
        {
            var buffer = builder.AllocatePositionedRun(shaper.DrawFont(run.Face, run.Size), run.Glyphs.Length);
            buffer.SetGlyphs(run.Glyphs);
            var positions = buffer.Positions;
            for (int i = 0; i < run.Offsets.Length; i++)
                positions[i] = new SKPoint(x + run.X + run.Offsets[i].X, baseline + run.Offsets[i].Y);
        }
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }
}
