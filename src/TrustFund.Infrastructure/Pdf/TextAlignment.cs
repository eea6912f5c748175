namespace TrustFund.Infrastructure.Pdf;

/// <summary>How the lines of a paragraph sit between the margins.</summary>
public enum TextAlignment
{
    /// <summary>Ragged right.</summary>
    Left,
    /// <summary>Both edges flush; the last line of a paragraph stays ragged, as in print.</summary>
    Justify,
    /// <summary>Ragged left.</summary>
    Right,
    /// <summary>Centred.</summary>
    Center,
}
