namespace TrustFund.Infrastructure.Pdf;

/// <summary>A page size in PDF points (1/72 inch), portrait.</summary>
/// <param name="Width">Width in points.</param>
/// <param name="Height">Height in points.</param>
public readonly record struct PageSize(float Width, float Height)
{
    /// <summary>ISO A4, 210 × 297 mm — the default.</summary>
    public static PageSize A4 { get; } = new(595.28f, 841.89f);

    /// <summary>US Letter, 8.5 × 11 in, for offices that print on it.</summary>
    public static PageSize Letter { get; } = new(612f, 792f);
}
