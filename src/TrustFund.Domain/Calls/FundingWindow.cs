namespace TrustFund.Domain.Calls;

/// <summary>The fund's two small-grant windows, each with its own ceiling and duration (DOMAIN.md section 4).</summary>
public enum FundingWindow
{
    /// <summary>SGP1: short-term / emergency assistance, up to USD 20,000 for at most 9 months.</summary>
    ShortTerm = 1,

    /// <summary>SGP2: medium-term assistance, USD 20,000 to 60,000 for up to 24 months.</summary>
    MediumTerm = 2,
}

public static class FundingWindowRules
{
    public static string Code(this FundingWindow window) => window switch
    {
        FundingWindow.ShortTerm => "SGP1",
        FundingWindow.MediumTerm => "SGP2",
        _ => throw new ArgumentOutOfRangeException(nameof(window)),
    };

    public static decimal Floor(this FundingWindow window) => window == FundingWindow.MediumTerm ? 20_000m : 0m;

    public static decimal Ceiling(this FundingWindow window) => window == FundingWindow.MediumTerm ? 60_000m : 20_000m;

    public static int MaxDurationMonths(this FundingWindow window) => window == FundingWindow.MediumTerm ? 24 : 9;
}
