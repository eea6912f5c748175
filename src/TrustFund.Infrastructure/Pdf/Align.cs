namespace TrustFund.Infrastructure.Pdf;

/// <summary>Horizontal alignment of the text in a table column. Use <see cref="Right"/> for amounts so digits line up.</summary>
public enum Align
{
    /// <summary>Flush left (text columns).</summary>
    Left,
    /// <summary>Flush right (numbers).</summary>
    Right,
    /// <summary>Centred (short codes, flags).</summary>
    Center,
}
