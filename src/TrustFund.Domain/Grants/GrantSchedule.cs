using System.Globalization;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Domain.Grants;

/// <summary>When an instalment becomes due: on signature, or once the interim narrative and financial reports are accepted.</summary>
public enum InstalmentCondition { OnSignature, AfterInterimReportsAccepted }

/// <summary>One instalment of the schedule, as a percentage of the grant amount.</summary>
public sealed record Instalment(int Number, decimal Percent, InstalmentCondition Condition);

/// <summary>A line of the grant's budget, copied from the application and reallocated only by amendment.</summary>
public sealed record GrantBudgetLine(string Category, string Description, decimal Amount);

/// <summary>
/// A numbered change to a signed agreement, with its reason and what changed: <see cref="Changes"/> in English, as the
/// record an auditor reads, and <see cref="Terms"/> as values, so that each reader reads it in their own language.
/// Amendments recorded before the terms were kept (7 December 2026) have no terms; pages show their English text.
/// </summary>
public sealed record GrantAmendment(int Number, string Reason, string Changes, DateTimeOffset At, string By)
{
    public AmendedTerms? Terms { get; init; }
}

/// <summary>What an amendment changed, before and after; a term it left alone is null (false for the budget).</summary>
public sealed record AmendedTerms
{
    public Change<decimal>? Amount { get; init; }
    public Change<GrantPeriod>? Period { get; init; }
    public bool BudgetReallocated { get; init; }
    /// <summary>The new schedule's percentages, in order.</summary>
    public IReadOnlyList<decimal>? InstalmentPercents { get; init; }

    public bool ChangesNothing => Amount is null && Period is null && !BudgetReallocated && InstalmentPercents is null;

    /// <summary>"amount USD 15,000.00 → USD 18,000.00; budget reallocated": the amendment's record, in English.</summary>
    public string InEnglish()
    {
        var c = CultureInfo.InvariantCulture;
        var changes = new List<string>();
        if (Amount is { } amount) changes.Add(string.Format(c, "amount USD {0:N2} → USD {1:N2}", amount.Before, amount.After));
        if (Period is { } period)
            changes.Add(string.Format(c, "period {0:yyyy-MM-dd}–{1:yyyy-MM-dd} → {2:yyyy-MM-dd}–{3:yyyy-MM-dd}",
                period.Before.Start, period.Before.End, period.After.Start, period.After.End));
        if (BudgetReallocated) changes.Add("budget reallocated");
        if (InstalmentPercents is { } percents) changes.Add("instalment schedule " + string.Join(" + ", percents.Select(p => p.ToString("0.##", c) + "%")));
        return string.Join("; ", changes);
    }
}

/// <summary>A term's value before and after an amendment.</summary>
public sealed record Change<T>(T Before, T After);

/// <summary>A grant's period, first and last day.</summary>
public sealed record GrantPeriod(DateOnly Start, DateOnly End);

/// <summary>The schedule rules of DOMAIN.md sections 7 and 8, apart from the agreement so they can be tested alone.</summary>
public static class GrantSchedule
{
    /// <summary>Grants up to this amount are paid in one instalment on signature by default.</summary>
    public const decimal SingleInstalmentLimit = 20_000m;

    /// <summary>Grants of this amount or more need an external audit.</summary>
    public const decimal AuditThreshold = 50_000m;

    public static IReadOnlyList<Instalment> DefaultInstalments(decimal amount) => amount <= SingleInstalmentLimit
        ? [new Instalment(1, 100m, InstalmentCondition.OnSignature)]
        : [new Instalment(1, 50m, InstalmentCondition.OnSignature), new Instalment(2, 50m, InstalmentCondition.AfterInterimReportsAccepted)];

    public static void Check(IReadOnlyList<Instalment> instalments)
    {
        if (instalments.Count == 0) throw new DomainException("The instalment schedule needs at least one instalment.");
        if (instalments.Any(i => i.Percent <= 0)) throw new DomainException("Every instalment needs a share above zero.");
        if (instalments.Sum(i => i.Percent) != 100m)
            throw new DomainException("The instalments add up to {0}%; they must add up to 100%.", instalments.Sum(i => i.Percent));
        if (instalments[0].Condition != InstalmentCondition.OnSignature)
            throw new DomainException("The first instalment is paid on signature.");
    }

    /// <summary>
    /// Each instalment's amount in USD, rounded to the cent; the last takes what rounding left so the amounts add up
    /// to the grant exactly (three thirds of 10,000.00 are 3,333.33 + 3,333.33 + 3,333.34).
    /// </summary>
    public static IReadOnlyList<decimal> Amounts(decimal amount, IReadOnlyList<Instalment> instalments)
    {
        var amounts = instalments.Select(i => Money.RoundToCents(amount * i.Percent / 100m)).ToList();
        amounts[^1] = amount - amounts.Take(amounts.Count - 1).Sum();
        return amounts;
    }

    /// <summary>Whole months from start to end, counting a started month as one (as the application does).</summary>
    public static int DurationMonths(DateOnly start, DateOnly end) =>
        (end.Year - start.Year) * 12 + end.Month - start.Month + (end.Day >= start.Day ? 1 : 0);

    /// <summary>
    /// The reporting schedule (DOMAIN.md section 8): interim narrative and financial reports at mid-term for grants over
    /// 12 months, and also whenever an instalment waits for them (otherwise it could never become due); final narrative
    /// and financial reports 2 months after the end date.
    /// </summary>
    public static IReadOnlyList<(GrantReportKind Kind, DateOnly DueOn)> Reports(DateOnly start, DateOnly end, IReadOnlyList<Instalment> instalments)
    {
        var reports = new List<(GrantReportKind, DateOnly)>();
        if (DurationMonths(start, end) > 12 || instalments.Any(i => i.Condition == InstalmentCondition.AfterInterimReportsAccepted))
        {
            var midTerm = start.AddDays((end.DayNumber - start.DayNumber) / 2);
            reports.Add((GrantReportKind.InterimNarrative, midTerm));
            reports.Add((GrantReportKind.InterimFinancial, midTerm));
        }
        reports.Add((GrantReportKind.FinalNarrative, end.AddMonths(2)));
        reports.Add((GrantReportKind.FinalFinancial, end.AddMonths(2)));
        return reports;
    }
}
