using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Board;
using TrustFund.Domain.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

/// <summary>Appoints a trustee to a regional group's seat: one form with its own model (see FormPage).</summary>
public sealed class AppointModel(IMediator mediator, TimeProvider clock) : FormPage
{
    public sealed class AppointForm
    {
        public Guid? PersonId { get; set; }
        public string? NationalityIso2 { get; set; }
        public string? RegionalGroupCode { get; set; }
        public string? RegionalGroupReason { get; set; }
        public DateOnly? TermStart { get; set; }
        public DateOnly? TermEnd { get; set; }
    }

    public AppointForm Appointment { get; private set; } = new();
    public GetAppointmentOptions.Result Options { get; private set; } = new([], [], []);

    protected override async Task LoadAsync(CancellationToken ct) => Options = await mediator.Send(new GetAppointmentOptions.Query(), ct);

    /// <summary>The form proposes a term starting today.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        Appointment = new AppointForm { TermStart = FundCalendar.Today(clock) };
    }

    public async Task<IActionResult> OnPostAsync(AppointForm appointment, CancellationToken ct)
    {
        Appointment = appointment;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new AppointTrustee.Command(appointment.PersonId ?? Guid.Empty, appointment.NationalityIso2 ?? "", appointment.RegionalGroupCode,
            appointment.RegionalGroupReason, appointment.TermStart ?? default, appointment.TermEnd), ct);
        // The name is read after the appointment, for the message only.
        var name = (await mediator.Send(new GetAppointmentOptions.Query(), ct)).People.FirstOrDefault(p => p.Id == appointment.PersonId)?.Name ?? "";
        TempData["Message"] = Text("{0} is appointed to the Board of Trustees.", name);
        return Redirect("/admin/board");
    }
}
