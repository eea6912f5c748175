using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// The eligibility check before a draft is started: a few yes/no questions from the fund's rules with this call's
/// thresholds. A "no" stops it with the rule that applies and nothing is written; all "yes" starts the draft and opens
/// its task list. An organisation that already has an application to the call goes straight to it.
/// </summary>
public sealed class StartModel(IMediator mediator) : FormPage
{
    public GetEligibilityQuestions.Result Call { get; private set; } = null!;

    /// <summary>The answers as given (kept after a refusal, so the person sees which ones stopped them).</summary>
    public StartApplication.Answers Answers { get; private set; } = new();

    private Guid CallId => RouteGuid("callId");

    protected override async Task LoadAsync(CancellationToken ct) =>
        Call = await mediator.Send(new GetEligibilityQuestions.Query(CallId), ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return Call.ExistingApplicationId is { } id ? Redirect($"/apply/{id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(StartApplication.Answers answers, CancellationToken ct)
    {
        Answers = answers;
        // A value that is neither yes nor no (a forged post) is a question not answered, and asked again as such.
        foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, Text(StartApplication.Questions.Where(q => q.Name == key).Select(q => q.Unanswered).FirstOrDefault() ?? "Answer yes or no."));
        }
        if (!ModelState.IsValid) return Page();
        var id = await mediator.Send(new StartApplication.Command(CallId) { Eligibility = answers }, ct);
        return Redirect($"/apply/{id}");
    }
}
