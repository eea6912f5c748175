using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Questions;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

public sealed class QuestionsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : FormPage
{
    public IReadOnlyList<ListQuestions.Item> Questions { get; private set; } = [];
    public GetCallForEditing.Result Call { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid questionId, string? question, string? answer, bool publish, CancellationToken ct)
    {
        await mediator.Send(new AnswerQuestion.Command(questionId, question ?? "", answer ?? "", publish), ct);
        TempData["Message"] = publish ? text["The answer is published on the call's page."].Value : text["The answer is saved, not published."].Value;
        return Redirect($"/fund/calls/{id}/questions");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var id = RouteGuid();
        Call = await mediator.Send(new GetCallForEditing.Query(id), ct);
        Questions = await mediator.Send(new ListQuestions.Query(id), ct);
    }
}
