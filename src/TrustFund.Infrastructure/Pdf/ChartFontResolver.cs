using ScottPlot;
using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Hands ScottPlot the engine's Noto Sans under a private family name, so chart text uses the
/// shipped font and never a system font. ScottPlot caches typefaces process-wide, so charts get
/// one fixed subset (Latin, Latin-1/Extended-A, Greek, Cyrillic, punctuation, currency) rather
/// than a per-document one; chart labels outside those ranges are not supported.
/// </summary>
internal sealed class ChartFontResolver : IFontResolver
{
    public const string FamilyName = "TrustFund Noto Sans";
    private static readonly object Gate = new();
    private static bool _registered;
    private static readonly (int, int)[] Ranges =
        [(0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2212, 0x2212)];
    private static readonly Lazy<SKTypeface> Regular = new(() => Create(EmbeddedFonts.Get(false, false)));
    private static readonly Lazy<SKTypeface> Bold = new(() => Create(EmbeddedFonts.Get(true, false)));

    /// <summary>Adds the resolver to ScottPlot's global list once per process.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered) return;
            Fonts.FontResolvers.Insert(0, new ChartFontResolver());
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == FamilyName ? (bold ? Bold.Value : Regular.Value) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, (int)weight >= (int)FontWeight.SemiBold, false);

    private static SKTypeface Create(EmbeddedFont face) =>
        SKTypeface.FromData(SKData.CreateCopy(FontSubsetter.Subset(face.HarfBuzzFace, [], Ranges, retainGlyphIds: false)))
        ?? face.Typeface;
}
