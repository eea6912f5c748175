using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Applications;

/// <summary>
/// Screening many applications of a call at once: the secretariat marks each waiting application eligible or
/// ineligible (or leaves it for later), sees what will happen to each, then confirms.
/// </summary>
public sealed class ScreenModel(IMediator mediator) : FormPage
{
    public enum Choice
    {
        Later,
        Eligible,
        Ineligible,
    }

    public sealed class ScreenForm
    {
        public Dictionary<Guid, Choice> Choices { get; set; } = [];
        public string? EligibleMessage { get; set; }
        public string? IneligibleReason { get; set; }
    }

    /// <summary>The applications waiting to be screened, oldest first.</summary>
    public ListCallApplications.Result Waiting { get; private set; } = null!;

    /// <summary>What was posted, kept in the form and in the confirmation; null on a fresh page.</summary>
    public ScreenForm? Posted { get; private set; }

    /// <summary>What confirming would do to each chosen application; null until the form is checked.</summary>
    public ScreenApplications.Result? Plan { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct) =>
        Waiting = await mediator.Send(new ListCallApplications.Query(RouteGuid("callId"))
        {
            Status = ApplicationStatus.Submitted, Sort = "submitted", All = true,
        }, ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(ScreenForm screen, CancellationToken ct)
    {
        Posted = screen;
        if (!ModelState.IsValid) return Page();
        Plan = await mediator.Send(new ScreenApplications.Preview(RouteGuid("callId"), Decisions(screen),
            screen.EligibleMessage ?? "", screen.IneligibleReason ?? ""), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(ScreenForm screen, CancellationToken ct)
    {
        Posted = screen;
        if (!ModelState.IsValid) return Page();
        var callId = RouteGuid("callId");
        var done = await mediator.Send(new ScreenApplications.Command(callId, Decisions(screen),
            screen.EligibleMessage ?? "", screen.IneligibleReason ?? ""), ct);
        TempData["Message"] = Display.Semicolons([Plural(done.Decided, "{0} application screened", "{0} applications screened"), Skipped(done.Skipped)]) + ".";
        return Redirect($"/fund/calls/{callId}/applications");
    }

    /// <summary>The choice shown for an application: what was posted, else "later".</summary>
    public Choice ChoiceFor(Guid applicationId) => Posted?.Choices.GetValueOrDefault(applicationId) ?? Choice.Later;

    private static List<ScreenApplications.Decision> Decisions(ScreenForm screen) =>
        screen.Choices.Where(c => c.Value != Choice.Later)
            .Select(c => new ScreenApplications.Decision(c.Key, c.Value == Choice.Eligible)).ToList();
}
