using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>
/// The fund manager approves or declines an award, and records an award the organisation declined: two forms, each its
/// own handler and model (see FormPage), so a refused decision comes back with what was typed and only its messages.
/// </summary>
public sealed class AwardModel(IMediator mediator) : FormPage
{
    public sealed class DecideForm
    {
        public bool Approve { get; set; } = true;
        public decimal? Amount { get; set; }
        public string? Justification { get; set; }
    }

    public sealed class DeclineForm
    {
        public string? Reason { get; set; }
    }

    public GrantApplication Application { get; private set; } = null!;

    /// <summary>Null until posted: the form then offers the amount requested.</summary>
    public DecideForm? Decide { get; private set; }
    public DeclineForm Decline { get; private set; } = new();

    private Guid Id => RouteGuid();
    private string Here => $"/fund/applications/{Id}/award";

    protected override async Task LoadAsync(CancellationToken ct) =>
        Application = (await mediator.Send(new GetApplication.Query(Id), ct)).Application;

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostDecideAsync(DecideForm decide, CancellationToken ct)
    {
        Decide = decide;
        return Send(new DecideAward.Command(Id, decide.Approve, decide.Amount, decide.Justification), "The award decision is saved.", Here, ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(DeclineForm decline, CancellationToken ct)
    {
        Decline = decline;
        if (!ModelState.IsValid) return Page();
        var result = await mediator.Send(new DeclineAward.Command(Id, decline.Reason ?? ""), ct);
        TempData["Message"] = result.ProposedApplicationId is null
            ? Text("The declined award is recorded. The reserve list is empty.")
            : Text("The declined award is recorded.");
        if (result.ProposedApplicationId is { } next)
        {
            TempData["ProposedNext"] = result.ProposedReference;
            TempData["ProposedNextId"] = next.ToString();
        }
        return Redirect(Here);
    }
}
