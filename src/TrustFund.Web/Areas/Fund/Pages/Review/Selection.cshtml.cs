using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Review;

/// <summary>
/// One application's scores for the secretariat, with two forms (see FormPage): reopening an assessment, and the
/// selection decision with the message the applicant reads.
/// </summary>
public sealed class SelectionModel(IMediator mediator) : FormPage
{
    public sealed class DecideForm
    {
        public Selection Selection { get; set; } = Selection.Shortlist;
        public string? Message { get; set; }
    }

    public sealed class ReopenForm
    {
        public Guid? AssessmentId { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>Null until posted: the form then shows the message already sent, if any.</summary>
    public DecideForm? Decide { get; private set; }
    public ReopenForm Reopen { get; private set; } = new();

    private Guid Id => RouteGuid();
    private string Here => $"/fund/applications/{Id}/selection";

    public GrantApplication Application { get; private set; } = null!;
    public GetApplicationScores.Result Scores { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Application = (await mediator.Send(new GetApplication.Query(Id), ct)).Application;
        Scores = await mediator.Send(new GetApplicationScores.Query(Id), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostDecideAsync(DecideForm decide, CancellationToken ct)
    {
        Decide = decide;
        return Send(new DecideSelection.Command(Id, decide.Selection, decide.Message ?? ""),
            "The decision is saved; the applicant can read the message.", Here, ct);
    }

    public Task<IActionResult> OnPostReopenAsync(ReopenForm reopen, CancellationToken ct)
    {
        Reopen = reopen;
        return Send(new ReopenAssessment.Command(reopen.AssessmentId ?? Guid.Empty, reopen.Reason ?? ""), "The assessment is reopened.", Here, ct);
    }
}
