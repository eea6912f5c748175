using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Review;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Review.Pages;

/// <summary>The conflict question first; only after "no conflict" the application, the scoring form and the others' scores.</summary>
public sealed class ApplicationModel(IMediator mediator, IStringLocalizer<SharedResource> text) : FormPage
{
    public GetReviewApplication.Result Current { get; private set; } = null!;
    public GetApplicationScores.Result? Scores { get; private set; }

    public sealed class DeclarationForm
    {
        public bool HasConflict { get; set; }
        public string? Note { get; set; }
    }

    public sealed class AssessmentForm
    {
        public List<ScoreInput> Scores { get; set; } = [];
        public bool Complete { get; set; }
    }

    public sealed class ScoreInput
    {
        public string Criterion { get; set; } = "";
        public int? Score { get; set; }
        public string? Comment { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var id = RouteGuid();
        Current = await mediator.Send(new GetReviewApplication.Query(id), ct);
        // The scores door applies the same conflict rule; ask only when the page may show them.
        if (Current.Details is not null) Scores = await mediator.Send(new GetApplicationScores.Query(id), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostDeclareAsync(Guid id, DeclarationForm declaration, CancellationToken ct) =>
        Send(new DeclareConflict.Command(id, declaration.HasConflict, declaration.Note), "Your declaration is recorded.", $"/review/{id}", ct);

    public async Task<IActionResult> OnPostScoreAsync(Guid id, AssessmentForm assessment, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new SaveAssessment.Command(id, assessment.Scores.Select(s => new CriterionScore(s.Criterion, s.Score, s.Comment)).ToList(), assessment.Complete), ct);
        TempData["Message"] = (assessment.Complete ? text["Your assessment is completed."] : text["Your draft scores are saved."]).Value;
        return Redirect($"/review/{id}");
    }

}
