using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// The draft's task list: each section of the form with where it stands, linking to its step, and the final check of
/// the answers once every section is complete. A submitted application has nothing left to do: its view page instead.
/// </summary>
public sealed class TasksModel(IMediator mediator) : PageModel
{
    public GetApplication.Result Current { get; private set; } = null!;
    public IReadOnlyList<ApplicationTaskList.Item> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetApplication.Query(id), ct);
        if (!Current.Application.IsEditable) return Redirect($"/apply/{id}/view");
        Tasks = ApplicationTaskList.Of(Current);
        return Page();
    }

    /// <summary>The catalogue key of each step's title, as the steps' own pages name them.</summary>
    public static string TitleOf(string step) => step switch
    {
        "organisation" => "Organisation",
        "project" => "Project",
        "beneficiaries" => "Beneficiaries",
        "budget" => "Budget",
        "declaration" => "Partner declaration",
        "attachments" => "Attachments",
        _ => "Check your answers and submit",
    };

    public static string StatusText(ApplicationTaskList.Status status) => status switch
    {
        ApplicationTaskList.Status.NotStarted => "Not started",
        ApplicationTaskList.Status.InProgress => "In progress",
        ApplicationTaskList.Status.Complete => "Complete",
        _ => "Cannot start yet",
    };
}
