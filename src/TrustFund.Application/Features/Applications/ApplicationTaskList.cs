using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Where a draft stands, section by section (the GOV.UK task list pattern): a section with nothing entered is not
/// started, one with something entered and something still missing for submission is in progress, one with nothing
/// missing is complete. Missing means what submission would refuse (<see cref="GrantApplication.ProblemsBeforeSubmission"/>,
/// each problem named by its field, the field's prefix naming its section), so the list and the submit button never
/// disagree. Checking the answers and submitting cannot start until every section is complete.
/// </summary>
public static class ApplicationTaskList
{
    public enum Status { NotStarted, InProgress, Complete, CannotStartYet }

    /// <summary>One section: its step (the page's address), its status, and how many things it still lacks.</summary>
    public sealed record Item(string Step, Status Status, int Missing);

    /// <summary>The sections in the form's order, then the final check-and-submit task ("review").</summary>
    public static IReadOnlyList<Item> Of(GetApplication.Result draft)
    {
        var a = draft.Application;
        var problems = draft.Problems.GroupBy(p => StepOf(p.Field)).ToDictionary(g => g.Key, g => g.Count());
        var started = new Dictionary<string, bool>
        {
            // Prefilled from the organisation's profile: started as soon as the draft exists with a name in it.
            ["organisation"] = !string.IsNullOrWhiteSpace(a.Organisation.LegalName) || !string.IsNullOrWhiteSpace(a.Organisation.RegistrationNumber),
            // The country is prefilled from the organisation's; only what the person writes counts as a start.
            ["project"] = new[] { a.Project.Title, a.Project.Context, a.Project.Objectives, a.Project.Activities, a.Project.WorkPlan,
                a.Project.Risks, a.Project.SurvivorInvolvement }.Any(t => !string.IsNullOrWhiteSpace(t))
                || a.Project.StartDate is not null || a.Project.EndDate is not null,
            ["beneficiaries"] = a.Beneficiaries.Count > 0,
            ["budget"] = a.Budget.Count > 0,
            ["declaration"] = a.Declaration.Accepted || !string.IsNullOrWhiteSpace(a.Declaration.SignatoryName)
                || !string.IsNullOrWhiteSpace(a.Declaration.SignatoryTitle),
            ["attachments"] = draft.Attachments.Count > 0,
        };
        var tasks = Sections.Select(step =>
        {
            var missing = problems.GetValueOrDefault(step);
            var status = !started[step] ? Status.NotStarted : missing > 0 ? Status.InProgress : Status.Complete;
            return new Item(step, status, missing);
        }).ToList();
        tasks.Add(new Item("review", tasks.All(t => t.Status == Status.Complete) ? Status.NotStarted : Status.CannotStartYet, 0));
        return tasks;
    }

    /// <summary>The form's sections, in order; each is a step of the form at /apply/{id}/{step}.</summary>
    public static readonly string[] Sections = ["organisation", "project", "beneficiaries", "budget", "declaration", "attachments"];

    /// <summary>The step where a problem's field is entered: "Project.Title" → project, "Attachments.ReferenceLetter1" → attachments.</summary>
    public static string StepOf(string field) => field.Split('.')[0].ToLowerInvariant() switch
    {
        "project" => "project",
        "beneficiaries" => "beneficiaries",
        "budget" => "budget",
        "declaration" => "declaration",
        "attachments" => "attachments",
        _ => "organisation",
    };
}
