using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Review;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>
/// Reviewers of a call's eligible applications: assigned automatically (one form) or one by hand per application (a form
/// per row). Each form has its own handler and model (see FormPage); the assignments are loaded only to show the page.
/// </summary>
public sealed class AssignModel(IMediator mediator) : FormPage
{
    public sealed class AutoForm
    {
        // Named as the command's fields, so that a refusal's message links to its box.
        public int? ReviewersPerApplication { get; set; } = BalancedAssignment.MinimumReviewers;
        public bool IncludeTechnicalReviewers { get; set; }
    }

    public sealed class HandForm
    {
        public Guid? ApplicationId { get; set; }
        public Guid? ReviewerUserId { get; set; }
    }

    public GetReviewAssignments.Result Current { get; private set; } = null!;
    public AutoForm Auto { get; private set; } = new();

    /// <summary>The row whose "assign by hand" form was posted, so a refusal is shown next to it.</summary>
    public HandForm? Hand { get; private set; }

    private Guid CallId => RouteGuid("callId");
    private string Here => $"/fund/calls/{CallId}/review";

    protected override async Task LoadAsync(CancellationToken ct) => Current = await mediator.Send(new GetReviewAssignments.Query(CallId), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAutoAsync(AutoForm auto, CancellationToken ct)
    {
        Auto = auto;
        if (!ModelState.IsValid) return Page();
        var result = await mediator.Send(new AssignReviewersAutomatically.Command(CallId, auto.ReviewersPerApplication ?? 0, auto.IncludeTechnicalReviewers), ct);
        TempData["Message"] = result.Short == 0
            ? Plural(result.Added, "{0} assignment made.", "{0} assignments made.")
            : AssignmentsMade(result.Added, result.Short);
        return Redirect(Here);
    }

    public Task<IActionResult> OnPostHandAsync(HandForm hand, CancellationToken ct)
    {
        Hand = hand;
        return Send(new AssignReviewer.Command(hand.ApplicationId ?? Guid.Empty, hand.ReviewerUserId ?? Guid.Empty), "The reviewer is assigned.", Here, ct);
    }
}
