namespace TrustFund.Domain.Common;

/// <summary>
/// The bounds every number and date a person types must keep, checked by the use cases' validators (with a message
/// next to the field) and again by the entities (so no other path stores what the pages would refuse). Totals of
/// counts are added up as <see cref="long"/>: values stored before these bounds existed must still open.
/// The messages spell the bounds out ("from 0 to 1,000,000") so that each translation writes them in its own way:
/// change a bound here and change those texts with it.
/// </summary>
public static class InputLimits
{
    /// <summary>People in one cell of a breakdown (one form of exploitation, sex and age group; one nationality; ...).</summary>
    public const int MaxPeople = 1_000_000;

    /// <summary>The largest amount of money in one field, in USD; a grant of the fund is far below it.</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>
    /// The largest contribution (a pledge, a receipt) in its own currency: above any donor's in any currency, and well
    /// inside the books' numeric(18,2), where a hand-typed 1e20 failed the save instead of being refused.
    /// </summary>
    public const decimal MaxContributionAmount = 1_000_000_000_000m;

    public const int MaxBudgetLines = 100;

    /// <summary>Organisations registered before the United Nations existed are not expected; a year 0001 is a typing slip.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>Project dates beyond this are a typing slip (a call's projects last at most a few years).</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static bool IsPeopleCount(long count) => count is >= 0 and <= MaxPeople;

    /// <summary>Zero or more, at most <see cref="MaxAmount"/>, in whole cents.</summary>
    public static bool IsAmount(decimal amount) => amount >= 0 && amount <= MaxAmount && decimal.Round(amount, 2) == amount;

    /// <summary>At most <see cref="MaxContributionAmount"/>, in whole cents (the lower bound is each form's own rule).</summary>
    public static bool IsContributionAmount(decimal amount) => amount <= MaxContributionAmount && decimal.Round(amount, 2) == amount;

    public static bool IsInDateWindow(DateOnly? date) => date is not { } d || (d >= EarliestDate && d <= LatestDate);
}
