using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>What stops a report being submitted: the form field it belongs to, and a message with numbered placeholders.</summary>
public sealed record ReportProblem(string Field, string Message, params object[] Arguments);

/// <summary>One count in a breakdown of victims assisted: a code (sex, age group, country, form, assistance type) and a number.</summary>
public sealed record ReportCount(string Code, int Number);

/// <summary>
/// The narrative report's content (DOMAIN.md section 8). Counts only, never names: the case stories are anonymous.
/// Immutable: a save replaces the whole value.
/// </summary>
public sealed record NarrativeReport(
    IReadOnlyList<ReportCount> BySex,
    IReadOnlyList<ReportCount> ByAgeGroup,
    IReadOnlyList<ReportCount> ByNationality,
    IReadOnlyList<ReportCount> ByForm,
    IReadOnlyList<ReportCount> ByAssistance,
    string Activities,
    string Challenges,
    IReadOnlyList<string> CaseStories)
{
    public const int MaxCaseStories = 10;
    public static readonly NarrativeReport Empty = new([], [], [], [], [], "", "", []);

    /// <summary>Problems that stop the report being submitted, each with the form field it belongs to.</summary>
    public IReadOnlyList<ReportProblem> Problems()
    {
        var problems = new List<ReportProblem>();
        var bySex = Total(BySex);
        var others = new (string Field, string Message, long Total)[]
        {
            ("ByAgeGroup", "The total by age group ({0}) differs from the total by sex ({1}).", Total(ByAgeGroup)),
            ("ByNationality", "The total by nationality ({0}) differs from the total by sex ({1}).", Total(ByNationality)),
            ("ByForm", "The total by form of exploitation ({0}) differs from the total by sex ({1}).", Total(ByForm)),
        };
        if (bySex == 0) problems.Add(new("BySex", "Enter the number of victims assisted."));
        foreach (var other in others.Where(o => o.Total != bySex))
            problems.Add(new(other.Field, other.Message, [other.Total, bySex]));
        if (!CountsInBounds) problems.Add(new("BySex", "Enter a number of people from 0 to 1,000,000 in each cell."));
        if (string.IsNullOrWhiteSpace(Activities)) problems.Add(new("Activities", "Describe the activities done against the plan."));
        if (CaseStories.Count > MaxCaseStories) problems.Add(new("CaseStories", "Tell at most ten case stories."));
        return problems;
    }

    /// <summary>Every count from 0 to <see cref="InputLimits.MaxPeople"/>; reports saved before the bound may hold others.</summary>
    public bool CountsInBounds =>
        new[] { BySex, ByAgeGroup, ByNationality, ByForm, ByAssistance }.All(l => l.All(c => InputLimits.IsPeopleCount(c.Number)));

    /// <summary>A breakdown's total, added up without overflow.</summary>
    public static long Total(IEnumerable<ReportCount> counts) => counts.Sum(c => (long)c.Number);
}

/// <summary>
/// Spending on one line of the agreement's budget in the report's period, against that line's budget. A draft's line
/// left empty keeps <see cref="Spent"/> null ("not yet entered"), so the form shows it empty again instead of a 0 the
/// grantee never typed; a submitted report has an amount on every line (0 when nothing was spent). Reports stored
/// before it was nullable hold 0 and read as 0.
/// </summary>
public sealed record ExpenditureLine(string Category, string Description, decimal Budget, decimal? Spent, string? Explanation)
{
    /// <summary>OCHA allows 15% per category without approval; beyond that the grantee explains.</summary>
    public const decimal AllowedVariance = 0.15m;

    /// <summary>Null while no amount is entered: an empty line is no "-100 %" variance.</summary>
    public decimal? Variance => Spent - Budget;
    public decimal? VarianceShare => Budget == 0 ? null : Variance / Budget;
    public bool NeedsExplanation => Spent is { } spent && (Budget == 0 ? spent != 0 : Math.Abs(spent - Budget) > Budget * AllowedVariance);
}

/// <summary>The financial report's content: one line per budget line of the agreement. Immutable: a save replaces it.</summary>
public sealed record FinancialReport(IReadOnlyList<ExpenditureLine> Lines)
{
    public static readonly FinancialReport Empty = new([]);

    /// <summary>A report with nothing entered yet on any budget line.</summary>
    public static FinancialReport For(IEnumerable<GrantBudgetLine> budget) =>
        new(budget.Select(l => new ExpenditureLine(l.Category, l.Description, l.Amount, null, null)).ToList());

    /// <summary>What the lines with an amount add up to (a submitted report has one on every line).</summary>
    public decimal SpentTotal => Lines.Sum(l => l.Spent ?? 0);

    /// <summary>The variance of the lines with an amount: lines not yet entered are left out, like their spending.</summary>
    public decimal VarianceTotal => Lines.Sum(l => l.Variance ?? 0);

    public IReadOnlyList<ReportProblem> Problems()
    {
        var problems = new List<ReportProblem>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            // An empty line is refused rather than taken as 0: finance officers read the report as what the grantee
            // declared, and "nothing spent" must be a 0 someone typed, not a box they skipped. The message names the
            // line (its category, a catalogue word, and the agreement's description of it, which tells apart two lines of
            // one category) because the error summary at the top lists it away from its row.
            if (line.Spent is null)
                problems.Add(new($"Lines[{i}].Spent", "{0}{1}: type the amount spent on this budget line, 0 if nothing was spent.",
                    Category(line), string.IsNullOrWhiteSpace(line.Description) ? "" : " · " + line.Description.Trim()));
            else if (!InputLimits.IsAmount(line.Spent.Value))
                problems.Add(new($"Lines[{i}].Spent", "Enter an amount from USD 0 to USD 100,000,000.00, in whole cents."));
            if (line.NeedsExplanation && string.IsNullOrWhiteSpace(line.Explanation))
                problems.Add(new($"Lines[{i}].Explanation", "Explain the variance above 15% on this budget line."));
        }
        return problems;
    }

    /// <summary>Whether every entered amount is within bounds (an empty line is a draft's gap, not a wrong amount).</summary>
    public bool AmountsInBounds => Lines.All(l => l.Spent is not { } spent || InputLimits.IsAmount(spent));

    /// <summary>The budget category as an enum, which the pages translate; a category the enum does not know is shown as stored.</summary>
    private static object Category(ExpenditureLine line) =>
        Enum.TryParse<Applications.BudgetCategory>(line.Category, out var category) ? category : line.Category;
}
