using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Questions;
using TrustFund.Application.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Calls;

public sealed class DetailsModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetCall.Details Call { get; private set; } = null!;
    public IReadOnlyList<ListQuestions.Item> Questions { get; private set; } = [];
    public bool CanAsk { get; private set; }

    [BindProperty] public string Question { get; set; } = "";

    public async Task OnGetAsync(string slug, CancellationToken ct) => await Load(slug, ct);

    public async Task<IActionResult> OnPostAskAsync(string slug, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Applicant)) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        await Load(slug, ct);
        await mediator.Send(new AskQuestion.Command(Call.Id, Question), ct);
        TempData["Message"] = text["Your question has been sent to the secretariat. Answers are published on this page, without the name of who asked."].Value;
        return Redirect($"/calls/{slug}");
    }

    private async Task Load(string slug, CancellationToken ct)
    {
        Call = await mediator.Send(new GetCall.Query(slug), ct);
        Questions = await mediator.Send(new ListQuestions.PublishedQuery(Call.Id), ct);
        CanAsk = User.IsInRole(Roles.Applicant) && Call.IsOpen && clock.GetUtcNow() < Call.QuestionDeadline;
    }
}
