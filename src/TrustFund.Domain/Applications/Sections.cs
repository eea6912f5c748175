using System.Text.RegularExpressions;

namespace TrustFund.Domain.Applications;

/// <summary>Step 1: the organisation as it presents itself in this application (prefilled from its profile).</summary>
public sealed record OrganisationSection
{
    public string LegalName { get; init; } = "";
    public string CountryIso2 { get; init; } = "";
    public string? RegistrationNumber { get; init; }
    public DateOnly? RegistrationDate { get; init; }
    public string? UnppPartnerId { get; init; }
    public int YearsOfDirectAssistance { get; init; }
    public bool IsNonProfit { get; init; }
    public bool HasPseaPolicy { get; init; }
    public bool BankAccountInOrganisationName { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>Step 2: the project (Annex A).</summary>
public sealed record ProjectSection
{
    public string Title { get; init; } = "";
    public string? ImplementationCountryIso2 { get; init; }
    public string Context { get; init; } = "";
    public string Objectives { get; init; } = "";
    public string Activities { get; init; } = "";
    public string WorkPlan { get; init; } = "";
    public string Risks { get; init; } = "";
    public string SurvivorInvolvement { get; init; } = "";
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>Whole months from start to end, counting a started month as one.</summary>
    public int? DurationMonths => StartDate is { } start && EndDate is { } end && end >= start
        ? (end.Year - start.Year) * 12 + end.Month - start.Month + (end.Day >= start.Day ? 1 : 0)
        : null;
}

public enum Sex { Female, Male, Other }

public enum AgeGroup { Child, Adult }

/// <summary>Step 3: how many people the project means to reach. Counts only: never a name.</summary>
public sealed record BeneficiaryTarget(Sex Sex, AgeGroup AgeGroup, string FormOfExploitationCode, int Count);

public enum BudgetCategory
{
    Personnel,
    DirectAssistance,
    Activities,
    Travel,
    Equipment,
    /// <summary>Office and running costs: the indirect costs capped at 7% of the total.</summary>
    OfficeRunningCosts,
    Audit,
}

/// <summary>Step 4: one line of the budget (Annex B), in USD.</summary>
public sealed record BudgetLine(BudgetCategory Category, string Description, decimal Amount);

/// <summary>Step 5: the partner declaration (Annex C).</summary>
public sealed record PartnerDeclaration
{
    public bool Accepted { get; init; }
    public string SignatoryName { get; init; } = "";
    public string SignatoryTitle { get; init; } = "";
    public bool PartnersContribute { get; init; }
}

/// <summary>
/// One eligibility rule checked at submission. <see cref="Detail"/> is a catalogue text and <see cref="Arguments"/> its
/// values (checks stored before the arguments existed have an English sentence and none).
/// </summary>
public sealed record EligibilityCheck(string Rule, bool Passed, string Detail, IReadOnlyList<string>? Arguments = null)
{
    /// <summary>The details that carry values; a check stored before had them written into the sentence.</summary>
    private static readonly string[] DetailsWithValues =
    [
        "Registered in {0}; project in {1}.",
        "Registered {0} full year(s) before {1}; at least {2} required.",
        "{0} year(s) of direct assistance; at least {1} required.",
        "UNPP ID {0}.",
    ];

    /// <summary>
    /// Details written with "year(s)" until their counts were given as the reader's language counts them ("1 year",
    /// "2 years"), and the texts they read as now: a check stored before keeps its values and reads like a new one.
    /// </summary>
    private static readonly Dictionary<string, string> Reworded = new()
    {
        ["Registered {0} full year(s) before {1}; at least {2} required."] = "Registered {0} before {1}; at least {2} required.",
        ["{0} year(s) of direct assistance; at least {1} required."] = "{0} of direct assistance; at least {1} required.",
    };

    /// <summary>
    /// This check as a catalogue text and its values: a check stored before the values were kept apart, whose sentence is
    /// one of ours with the values written in, is read back into text and values so that it is translated too; any other
    /// stays as it was written.
    /// </summary>
    public EligibilityCheck AsCatalogueText()
    {
        if (Arguments is not null) return this with { Detail = Reworded.GetValueOrDefault(Detail, Detail) };
        foreach (var text in DetailsWithValues)
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(text), @"\\\{\d\}", "(.+?)") + "$";
            var match = Regex.Match(Detail, pattern);
            if (match.Success)
                return this with { Detail = Reworded.GetValueOrDefault(text, text), Arguments = match.Groups.Values.Skip(1).Select(g => g.Value).ToList() };
        }
        return this;
    }
}

public sealed record StatusChange(ApplicationStatus Status, DateTimeOffset At, string? By, string? Note);

/// <summary>A reason a draft cannot be submitted yet; the template is translated and formatted for the reader.</summary>
public sealed record SubmissionProblem(string Field, string Template, object[] Arguments)
{
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, Arguments);
}
