using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Review;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Review.Pages;

/// <summary>The conflict question first; only after "no conflict" the application, the scoring form and the others' scores.</summary>
public sealed class ApplicationModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetReviewApplication.Result Current { get; private set; } = null!;
    public GetApplicationScores.Result? Scores { get; private set; }

    [BindProperty] public bool HasConflict { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Complete { get; set; }

    public sealed class ScoreInput
    {
        public string Criterion { get; set; } = "";
        public int? Score { get; set; }
        public string? Comment { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        await mediator.Send(new DeclareConflict.Command(id, HasConflict, Note), ct);
        TempData["Message"] = text["Your declaration is recorded."].Value;
        return Redirect($"/review/{id}");
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, [FromForm(Name = "Scores")] List<ScoreInput> scores, CancellationToken ct)
    {
        await Load(id, ct);
        await mediator.Send(new SaveAssessment.Command(id, scores.Select(s => new CriterionScore(s.Criterion, s.Score, s.Comment)).ToList(), Complete), ct);
        TempData["Message"] = (Complete ? text["Your assessment is completed."] : text["Your draft scores are saved."]).Value;
        return Redirect($"/review/{id}");
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetReviewApplication.Query(id), ct);
        // The scores door applies the same conflict rule; ask only when the page may show them.
        if (Current.Details is not null) Scores = await mediator.Send(new GetApplicationScores.Query(id), ct);
    }
}
