namespace TrustFund.Domain.Common;

/// <summary>
/// A text kept in the fund's three working languages. English is required; French and Spanish fall back to it
/// so that a call published before its translation is ready is still readable everywhere.
/// </summary>
public sealed record LocalizedText(string En, string? Fr = null, string? Es = null)
{
    public static readonly string[] Languages = ["en", "fr", "es"];

    public string For(string language) => language switch
    {
        "fr" when !string.IsNullOrWhiteSpace(Fr) => Fr!,
        "es" when !string.IsNullOrWhiteSpace(Es) => Es!,
        _ => En,
    };
}
