using HarfBuzzSharp;
using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Shapes words with HarfBuzz, choosing Noto Naskh Arabic and right-to-left direction for Arabic
/// runs, and records every glyph used so the PDF can embed font subsets. One instance per render.
/// <para>
/// HarfBuzz is called through HarfBuzzSharp rather than SkiaSharp.HarfBuzz's SKShaper because
/// SKShaper cannot switch features off: Latin ligatures (fi, ffi) are disabled so that text copied
/// or extracted from the PDF is the original string. Arabic keeps all its required forms.
/// </para>
/// </summary>
internal sealed class TextShaper : IDisposable
{
    private static readonly Feature[] LatinFeatures = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];
    private static readonly Feature[] ArabicFeatures = [];

    private readonly Dictionary<(string, bool, float), ShapedWord> _words = [];
    private readonly Dictionary<EmbeddedFont, HashSet<ushort>> _usedGlyphs = [];
    private readonly Dictionary<EmbeddedFont, HashSet<int>> _usedChars = [];
    private readonly Dictionary<EmbeddedFont, SKTypeface> _subsets = [];
    private readonly Dictionary<(EmbeddedFont, float), SKFont> _drawFonts = [];
    private readonly Dictionary<(SKColor, float), SKPaint> _paints = [];

    /// <summary>
    /// One text-blob builder for the whole render: building a blob resets it, and a native builder per line (tens of
    /// thousands in a long report) cost more than the glyphs themselves.
    /// </summary>
    public SKTextBlobBuilder BlobBuilder { get; } = new();

    /// <summary>A fill paint for text and fills, shared within the render (thousands of table cells).</summary>
    public SKPaint FillPaint(SKColor color) => Paint(color, 0);

    /// <summary>A stroke paint for rules.</summary>
    public SKPaint StrokePaint(SKColor color, float width) => Paint(color, width);

    private SKPaint Paint(SKColor color, float strokeWidth)
    {
        if (!_paints.TryGetValue((color, strokeWidth), out var paint))
        {
            paint = new SKPaint
            {
                Color = color,
                IsAntialias = true,
                Style = strokeWidth > 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
                StrokeWidth = strokeWidth,
            };
            _paints[(color, strokeWidth)] = paint;
        }
        return paint;
    }

    /// <summary>Shapes one word (no spaces inside). Runs come back in visual order.</summary>
    public ShapedWord Shape(string word, bool bold, float size)
    {
        if (_words.TryGetValue((word, bold, size), out var cached)) return cached;

        var scriptRuns = ScriptRun.Split(word);
        bool rtl = scriptRuns[0].IsArabic;
        // A word that starts in Arabic reads right to left as a whole, so its runs are laid out in reverse.
        IEnumerable<ScriptRun> visual = rtl ? Enumerable.Reverse(scriptRuns) : scriptRuns;
        var runs = new List<GlyphRun>(scriptRuns.Count);
        float x = 0;
        foreach (var sr in visual)
        {
            var run = ShapeRun(word.Substring(sr.Start, sr.Length), EmbeddedFonts.Get(bold, sr.IsArabic), size, x);
            runs.Add(run);
            x += run.Width;
        }
        var shaped = new ShapedWord { Text = word, Runs = runs, Width = x, IsRtl = rtl };
        _words[(word, bold, size)] = shaped;
        return shaped;
    }

    /// <summary>A single space glyph, drawn between words so text extraction sees word boundaries.</summary>
    public GlyphRun Space(bool bold, float size, float x)
    {
        var face = EmbeddedFonts.Get(bold, false);
        face.HarfBuzzFont.TryGetGlyph(' ', out uint glyph);
        Use(face, (ushort)glyph, " ");
        return new GlyphRun
        {
            Face = face,
            Size = size,
            Glyphs = [(ushort)glyph],
            Offsets = [new SKPoint(0, 0)],
            Width = SpaceWidth(bold, size),
            X = x,
        };
    }

    public float SpaceWidth(bool bold, float size)
    {
        var face = EmbeddedFonts.Get(bold, false);
        face.HarfBuzzFont.TryGetGlyph(' ', out uint glyph);
        return face.HarfBuzzFont.GetHorizontalGlyphAdvance(glyph) * size / face.UnitsPerEm;
    }

    /// <summary>
    /// Builds the per-document font subsets from every glyph shaped so far. Call after layout and
    /// before drawing; glyph ids are kept, so the shaped runs stay valid.
    /// </summary>
    public void PrepareSubsets()
    {
        foreach (var (face, glyphs) in _usedGlyphs)
        {
            var chars = _usedChars[face].Select(c => (c, c)).ToList();
            // Arabic contextual forms have cmap entries only as presentation forms; keeping those
            // entries lets the PDF's ToUnicode map name every glyph.
            if (face.Arabic) chars.AddRange([(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]);
            var data = FontSubsetter.Subset(face.HarfBuzzFace, glyphs.Order(), chars, retainGlyphIds: true);
            _subsets[face] = SKTypeface.FromData(SKData.CreateCopy(data)) ?? face.Typeface;
        }
    }

    /// <summary>The font to draw with: the document's subset once prepared, else the full font.</summary>
    public SKFont DrawFont(EmbeddedFont face, float size)
    {
        if (!_drawFonts.TryGetValue((face, size), out var font))
        {
            var typeface = _subsets.GetValueOrDefault(face) ?? face.Typeface;
            font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
            _drawFonts[(face, size)] = font;
        }
        return font;
    }

    private void Use(EmbeddedFont face, ushort glyph, string text)
    {
        if (!_usedGlyphs.TryGetValue(face, out var glyphs))
        {
            _usedGlyphs[face] = glyphs = [];
            _usedChars[face] = [];
        }
        glyphs.Add(glyph);
        var chars = _usedChars[face];
        foreach (var rune in text.EnumerateRunes()) chars.Add(rune.Value);
    }

    private GlyphRun ShapeRun(string text, EmbeddedFont face, float size, float x)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        if (face.Arabic)
        {
            buffer.Direction = Direction.RightToLeft;
            buffer.Script = Script.Arabic;
            buffer.Language = new Language("ar");
        }
        else
        {
            buffer.GuessSegmentProperties();
            buffer.Direction = Direction.LeftToRight;
        }
        face.HarfBuzzFont.Shape(buffer, face.Arabic ? ArabicFeatures : LatinFeatures);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        float scale = size / face.UnitsPerEm;

        var glyphs = new ushort[infos.Length];
        var offsets = new SKPoint[infos.Length];
        float pen = 0;
        for (int i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            offsets[i] = new SKPoint(pen + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            pen += positions[i].XAdvance * scale;
            Use(face, glyphs[i], "");
        }
        Use(face, 0, text);
        return new GlyphRun
        {
            Face = face,
            Size = size,
            Glyphs = glyphs,
            Offsets = offsets,
            Width = pen,
            X = x,
        };
    }

    public void Dispose()
    {
        foreach (var f in _drawFonts.Values) f.Dispose();
        foreach (var t in _subsets.Values) t.Dispose();
        foreach (var p in _paints.Values) p.Dispose();
        BlobBuilder.Dispose();
        _paints.Clear();
        _drawFonts.Clear();
        _subsets.Clear();
        _words.Clear();
    }
}
