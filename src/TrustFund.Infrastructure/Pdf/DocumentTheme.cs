using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// The one place for the house style: sober type sizes, thin rules and a light table header fill,
/// like a document a UN office would sign.
/// </summary>
internal static class DocumentTheme
{
    public const string Organisation = "UNODC";
    public const string FundName = "UN Voluntary Trust Fund for Victims of Trafficking in Persons";
    public const string Wordmark = Organisation + " · " + FundName;

    public const float BodySize = 10f;
    public const float TableSize = 9f;
    public const float SmallSize = 8f;
    public const float LineSpacing = 1.4f;   // line height as a multiple of the font size
    public const float AscentRatio = 1.0f;   // baseline below the top of a line box, times font size
    public const float ParagraphGap = 6f;
    public const float RuleWidth = 0.5f;
    public const float CellPaddingX = 4f;
    public const float CellPaddingY = 3f;

    public static readonly SKColor Text = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Muted = new(0x55, 0x5B, 0x61);
    public static readonly SKColor Accent = new(0x00, 0x4B, 0x7C);
    public static readonly SKColor Rule = new(0x9A, 0xA5, 0xAE);
    public static readonly SKColor LightRule = new(0xD5, 0xDB, 0xE0);
    public static readonly SKColor HeaderFill = new(0xE9, 0xEE, 0xF2);

    /// <summary>Chart colours: muted blues and greys that stay legible in greyscale print.</summary>
    public static readonly string[] ChartPalette =
        ["#1F4E79", "#5B8DB8", "#A9C4DE", "#7F7F7F", "#BFBFBF", "#8C6D3F", "#C9B38A"];

    public static float HeadingSize(int level) => level switch { 1 => 16f, 2 => 13f, _ => 11f };
}
