using Microsoft.Extensions.Localization;
using TrustFund.Domain.Grants;

namespace TrustFund.Web;

/// <summary>What an amendment changed, in the reader's language: "montant 40 000,00 USD → 45 000,00 USD ; budget réaffecté".</summary>
public static class AmendmentDisplay
{
    public static string Changes(GrantAmendment amendment, IStringLocalizer text)
    {
        // Recorded before amendments kept their terms as values: only the English record exists.
        if (amendment.Terms is not { } terms) return amendment.Changes;
        var changes = new List<string>();
        if (terms.Amount is { } amount)
            changes.Add(text["amount {0} → {1}", FinanceDisplay.Usd(amount.Before), FinanceDisplay.Usd(amount.After)]);
        if (terms.Period is { } period)
            changes.Add(text["period {0}–{1} → {2}–{3}", FinanceDisplay.Date(period.Before.Start), FinanceDisplay.Date(period.Before.End),
                FinanceDisplay.Date(period.After.Start), FinanceDisplay.Date(period.After.End)]);
        if (terms.BudgetReallocated) changes.Add(text["budget reallocated"]);
        if (terms.InstalmentPercents is { } percents)
            changes.Add(text["instalment schedule {0}", string.Join(" + ", percents.Select(p => FinanceDisplay.Percent(p / 100)))]);
        return Display.Semicolons(changes);
    }
}
