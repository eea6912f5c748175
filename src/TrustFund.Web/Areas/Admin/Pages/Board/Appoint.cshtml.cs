using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Board;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

public sealed class AppointModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public string? NationalityIso2 { get; set; }
    [BindProperty] public string? RegionalGroupCode { get; set; }
    [BindProperty] public string? RegionalGroupReason { get; set; }
    [BindProperty] public DateOnly? TermStart { get; set; }
    [BindProperty] public DateOnly? TermEnd { get; set; }

    public GetAppointmentOptions.Result Options { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetAppointmentOptions.Query(), ct);
        TermStart = TrustFund.Domain.Common.FundCalendar.Today(clock);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetAppointmentOptions.Query(), ct); // for the form, should the appointment be refused
        await mediator.Send(new AppointTrustee.Command(PersonId ?? Guid.Empty, NationalityIso2 ?? "", RegionalGroupCode,
            RegionalGroupReason, TermStart ?? default, TermEnd), ct);
        var name = Options.People.FirstOrDefault(p => p.Id == PersonId)?.Name ?? "";
        TempData["Message"] = text["{0} is appointed to the Board of Trustees.", name].Value;
        return Redirect("/admin/board");
    }
}
