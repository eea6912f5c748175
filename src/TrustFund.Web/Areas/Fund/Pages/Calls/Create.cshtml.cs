using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Calls;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

/// <summary>A new call, saved as a draft (see FormPage): a refused save shows the form as typed with its messages.</summary>
public sealed class CreateModel(IMediator mediator, TimeProvider clock) : FormPage
{
    public CallForm Form { get; private set; } = new();

    protected override async Task LoadAsync(CancellationToken ct) =>
        ViewData["RegionalGroups"] = await mediator.Send(new ListRegionalGroups.Query(), ct);

    public Task OnGetAsync(CancellationToken ct)
    {
        // Sensible defaults: a medium-term call closing at 23:59 Vienna time in eight weeks.
        var vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), vienna).Date;
        Form = new CallForm
        {
            Window = FundingWindow.MediumTerm, Envelope = 900_000, MinGrant = 20_000, MaxGrant = 60_000, MaxDurationMonths = 24,
            TimeZoneId = "Europe/Vienna", DeadlineLocal = today.AddDays(56).AddHours(23).AddMinutes(59),
            QuestionDeadlineLocal = today.AddDays(42).AddHours(23).AddMinutes(59),
        };
        return EnsureLoadedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Form")] CallForm form, CancellationToken ct)
    {
        Form = form;
        if (!ModelState.IsValid) return Page();
        var result = await mediator.Send(new CreateCall.Command(form), ct);
        TempData["Message"] = Text("The call is saved as a draft. Publish it when it is ready.");
        return Redirect($"/fund/calls/{result.Id}/edit");
    }
}
