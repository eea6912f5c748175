using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Review;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>
/// The reviewers' workload in a call, and reviewers given to many applications at once: the secretariat ticks
/// applications, sees whom each would get and whom the conflict rules keep off, then confirms.
/// </summary>
public sealed class WorkloadModel(IMediator mediator) : FormPage
{
    public sealed class AssignForm
    {
        public List<Guid> ApplicationIds { get; set; } = [];
        public int ReviewersPerApplication { get; set; } = BalancedAssignment.MinimumReviewers;
        public bool IncludeTechnicalReviewers { get; set; }
    }

    public GetReviewAssignments.Result Current { get; private set; } = null!;
    public IReadOnlyList<GetReviewerWorkload.Load> Loads { get; private set; } = [];

    /// <summary>What was posted, kept in the form and the confirmation; null on a fresh page.</summary>
    public AssignForm? Posted { get; private set; }

    /// <summary>What confirming would do; null until the form is checked.</summary>
    public AssignReviewersInBulk.Result? Plan { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetReviewAssignments.Query(RouteGuid("callId")), ct);
        Loads = await mediator.Send(new GetReviewerWorkload.Query(RouteGuid("callId")), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(AssignForm assign, CancellationToken ct)
    {
        Posted = assign;
        if (!ModelState.IsValid) return Page();
        Plan = await mediator.Send(new AssignReviewersInBulk.Preview(RouteGuid("callId"), assign.ApplicationIds, assign.ReviewersPerApplication,
            assign.IncludeTechnicalReviewers), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(AssignForm assign, CancellationToken ct)
    {
        Posted = assign;
        if (!ModelState.IsValid) return Page();
        var callId = RouteGuid("callId");
        var done = await mediator.Send(new AssignReviewersInBulk.Command(callId, assign.ApplicationIds, assign.ReviewersPerApplication,
            assign.IncludeTechnicalReviewers), ct);
        var shortOf = done.Items.Count(i => i.Outcome == AssignReviewersInBulk.Outcome.Short);
        TempData["Message"] = shortOf == 0
            ? Plural(done.Added, "{0} assignment made.", "{0} assignments made.")
            : AssignmentsMade(done.Added, shortOf);
        return Redirect($"/fund/calls/{callId}/review/workload");
    }

    public bool Ticked(Guid applicationId) => Posted?.ApplicationIds.Contains(applicationId) ?? false;
}
