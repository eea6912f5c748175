using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

public sealed class CreateModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CallForm Form { get; set; } = new();

    public void OnGet()
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
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new CreateCall.Command(Form), ct);
        TempData["Message"] = text["The call is saved as a draft. Publish it when it is ready."].Value;
        return Redirect($"/fund/calls/{result.Id}/edit");
    }
}
