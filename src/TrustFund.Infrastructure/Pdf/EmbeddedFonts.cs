using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>One shipped font: its bytes (for subsetting), a HarfBuzz font (for shaping) and a Skia typeface (for metrics).</summary>
internal sealed class EmbeddedFont
{
    public EmbeddedFont(string fileName, bool bold, bool arabic)
    {
        FileName = fileName;
        Bold = bold;
        Arabic = arabic;
        Data = EmbeddedFonts.Read(fileName);
        Typeface = SKTypeface.FromData(SKData.CreateCopy(Data))
            ?? throw new InvalidOperationException($"Font resource '{fileName}' could not be read.");
        // HarfBuzz reads the font from unmanaged memory that lives as long as the process,
        // like the font itself (four fonts, loaded once).
        IntPtr memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(Data.Length);
        System.Runtime.InteropServices.Marshal.Copy(Data, 0, memory, Data.Length);
        _blob = new HarfBuzzSharp.Blob(memory, Data.Length, HarfBuzzSharp.MemoryMode.ReadOnly);
        HarfBuzzFace = new HarfBuzzSharp.Face(_blob, 0);
        UnitsPerEm = HarfBuzzFace.UnitsPerEm;
        HarfBuzzFont = new HarfBuzzSharp.Font(HarfBuzzFace);
        HarfBuzzFont.SetScale(UnitsPerEm, UnitsPerEm);
    }

    private readonly HarfBuzzSharp.Blob _blob;

    public string FileName { get; }
    public bool Bold { get; }
    public bool Arabic { get; }
    public byte[] Data { get; }
    public SKTypeface Typeface { get; }
    public HarfBuzzSharp.Face HarfBuzzFace { get; }
    /// <summary>Shared across renders: a HarfBuzz font is immutable once set up and safe to shape with concurrently.</summary>
    public HarfBuzzSharp.Font HarfBuzzFont { get; }
    public int UnitsPerEm { get; }
}

/// <summary>
/// The Noto fonts shipped in Pdf/Fonts (SIL OFL 1.1) as embedded resources, so output never
/// depends on the fonts installed on the server: Noto Sans (Latin, Cyrillic, Greek) and
/// Noto Naskh Arabic, regular and bold. PDFs embed per-document subsets of them.
/// </summary>
internal static class EmbeddedFonts
{
    private static readonly Lazy<EmbeddedFont> SansRegular = new(() => new("NotoSans-Regular.ttf", false, false));
    private static readonly Lazy<EmbeddedFont> SansBold = new(() => new("NotoSans-Bold.ttf", true, false));
    private static readonly Lazy<EmbeddedFont> ArabicRegular = new(() => new("NotoNaskhArabic-Regular.ttf", false, true));
    private static readonly Lazy<EmbeddedFont> ArabicBold = new(() => new("NotoNaskhArabic-Bold.ttf", true, true));

    /// <summary>Noto Sans, or Noto Naskh Arabic for Arabic-script runs.</summary>
    public static EmbeddedFont Get(bool bold, bool arabic) => (bold, arabic) switch
    {
        (false, false) => SansRegular.Value,
        (true, false) => SansBold.Value,
        (false, true) => ArabicRegular.Value,
        (true, true) => ArabicBold.Value,
    };

    internal static byte[] Read(string fileName)
    {
        var assembly = typeof(EmbeddedFonts).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Font resource '{fileName}' is not embedded; add Pdf/Fonts/*.ttf as EmbeddedResource.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
