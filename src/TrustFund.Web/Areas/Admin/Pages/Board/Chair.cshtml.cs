using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Board;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

/// <summary>Designates the board's chairperson for a year: one form with its own model (see FormPage).</summary>
public sealed class ChairModel(IMediator mediator) : FormPage
{
    public sealed class ChairForm
    {
        public int? Year { get; set; }
        public Guid? AppointmentId { get; set; }
    }

    public ChairForm Chair { get; private set; } = new();
    public ListTrusteeAppointments.Result Appointments { get; private set; } = null!;

    /// <summary>Serving and upcoming terms: the only ones that can hold the chair this year or a coming one.</summary>
    public IEnumerable<ListTrusteeAppointments.Item> Candidates =>
        Appointments.Items.Where(i => i.Status != ListTrusteeAppointments.TermStatus.Ended).OrderBy(i => i.Name).ThenBy(i => i.TermStart);

    protected override async Task LoadAsync(CancellationToken ct) => Appointments = await mediator.Send(new ListTrusteeAppointments.Query(), ct);

    /// <summary>The form proposes this year and its chair, if one is designated.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var year = Appointments.Today.Year;
        Chair = new ChairForm { Year = year, AppointmentId = Appointments.ChairsByYear.TryGetValue(year, out var chair) ? chair : null };
    }

    public async Task<IActionResult> OnPostAsync(ChairForm chair, CancellationToken ct)
    {
        Chair = chair;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new DesignateChairperson.Command(chair.Year ?? 0, chair.AppointmentId ?? Guid.Empty), ct);
        // The name is read after the change, for the message only.
        var name = (await mediator.Send(new ListTrusteeAppointments.Query(), ct)).Items.First(i => i.Id == chair.AppointmentId).Name;
        TempData["Message"] = Text("{0} is the chairperson for {1}.", name, chair.Year ?? 0);
        return Redirect("/admin/board");
    }
}
