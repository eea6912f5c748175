using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>Glyphs of one script run, positioned relative to the start of their word, in visual order.</summary>
internal sealed record GlyphRun
{
    public required EmbeddedFont Face { get; init; }
    public required float Size { get; init; }
    public required ushort[] Glyphs { get; init; }
    public required SKPoint[] Offsets { get; init; }
    public required float Width { get; init; }
    public float X { get; init; }
}

/// <summary>A word shaped once by HarfBuzz; lines are made by placing words.</summary>
internal sealed class ShapedWord
{
    public required string Text { get; init; }
    public required IReadOnlyList<GlyphRun> Runs { get; init; }
    public required float Width { get; init; }
    /// <summary>True when the word's first letter is Arabic: it reads right to left in a line.</summary>
    public required bool IsRtl { get; init; }
}
