using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Questions;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

/// <summary>
/// The questions asked about a call, each with its own answer form (see FormPage): a refused answer comes back in its
/// own form, as typed, with its message next to it.
/// </summary>
public sealed class QuestionsModel(IMediator mediator) : FormPage
{
    public sealed class AnswerForm
    {
        public Guid? QuestionId { get; set; }
        public string? Question { get; set; }
        public string? Answer { get; set; }
        public bool Publish { get; set; }
    }

    public IReadOnlyList<ListQuestions.Item> Questions { get; private set; } = [];
    public GetCallForEditing.Result Call { get; private set; } = null!;

    /// <summary>The answer form that was posted and refused, shown as typed.</summary>
    public AnswerForm? Posted { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    // Not named "answer": a posted field of the parameter's name would be taken as the model's prefix, and bind nothing.
    public async Task<IActionResult> OnPostAsync(AnswerForm reply, CancellationToken ct)
    {
        Posted = reply;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new AnswerQuestion.Command(reply.QuestionId ?? Guid.Empty, reply.Question ?? "", reply.Answer ?? "", reply.Publish), ct);
        TempData["Message"] = reply.Publish ? Text("The answer is published on the call's page.") : Text("The answer is saved, not published.");
        return Redirect($"/fund/calls/{RouteGuid()}/questions");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var id = RouteGuid();
        Call = await mediator.Send(new GetCallForEditing.Query(id), ct);
        Questions = await mediator.Send(new ListQuestions.Query(id), ct);
    }
}
