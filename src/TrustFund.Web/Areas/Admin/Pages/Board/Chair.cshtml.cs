using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Board;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

public sealed class ChairModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public int Year { get; set; }
    [BindProperty] public Guid? AppointmentId { get; set; }

    public ListTrusteeAppointments.Result Appointments { get; private set; } = null!;

    /// <summary>Serving and upcoming terms: the only ones that can hold the chair this year or a coming one.</summary>
    public IEnumerable<ListTrusteeAppointments.Item> Candidates =>
        Appointments.Items.Where(i => i.Status != ListTrusteeAppointments.TermStatus.Ended).OrderBy(i => i.Name).ThenBy(i => i.TermStart);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Appointments = await mediator.Send(new ListTrusteeAppointments.Query(), ct);
        Year = Appointments.Today.Year;
        AppointmentId = Appointments.ChairsByYear.TryGetValue(Year, out var chair) ? chair : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Appointments = await mediator.Send(new ListTrusteeAppointments.Query(), ct);
        await mediator.Send(new DesignateChairperson.Command(Year, AppointmentId ?? Guid.Empty), ct);
        var name = Appointments.Items.First(i => i.Id == AppointmentId).Name;
        TempData["Message"] = text["{0} is the chairperson for {1}.", name, Year].Value;
        return Redirect("/admin/board");
    }
}
