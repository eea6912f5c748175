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
        var builder = shaper.BlobBuilder;
        // Neighbouring runs in the same font (the words of a line and the spaces between them) go into one positioned
        // run: far fewer runs for Skia to write, the same glyphs at the same places.
        for (int first = 0; first < Runs.Count;)
        {
            int end = first + 1;
            int count = Runs[first].Glyphs.Length;
            while (end < Runs.Count && Runs[end].Face == Runs[first].Face && Runs[end].Size == Runs[first].Size)
                count += Runs[end++].Glyphs.Length;
            var buffer = builder.AllocatePositionedRun(shaper.DrawFont(Runs[first].Face, Runs[first].Size), count);
            var glyphs = buffer.Glyphs;
            var positions = buffer.Positions;
            int at = 0;
            for (int r = first; r < end; r++)
            {
                var run = Runs[r];
                run.Glyphs.CopyTo(glyphs[at..]);
                for (int i = 0; i < run.Offsets.Length; i++)
                    positions[at + i] = new SKPoint(x + run.X + run.Offsets[i].X, baseline + run.Offsets[i].Y);
                at += run.Glyphs.Length;
            }
            first = end;
        }
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }
}
