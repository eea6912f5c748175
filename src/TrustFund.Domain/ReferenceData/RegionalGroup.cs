using TrustFund.Domain.Common;

namespace TrustFund.Domain.ReferenceData;

/// <summary>One of the five UN regional groups; the Board of Trustees has one seat per group.</summary>
public sealed class RegionalGroup
{
    public const string African = "AFRICAN";
    public const string AsiaPacific = "ASIA_PACIFIC";
    public const string EasternEuropean = "EASTERN_EUROPEAN";
    public const string LatinAmericanCaribbean = "GRULAC";
    public const string WesternEuropeanOthers = "WEOG";

    /// <summary>The five groups, in the order the UN lists them.</summary>
    public static readonly IReadOnlyList<string> Codes = [African, AsiaPacific, EasternEuropean, LatinAmericanCaribbean, WesternEuropeanOthers];

    private RegionalGroup() { Name = null!; }

    public RegionalGroup(string code, LocalizedText name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; private set; } = "";
    public LocalizedText Name { get; private set; }

    public void Rename(LocalizedText name) => Name = name;
}
