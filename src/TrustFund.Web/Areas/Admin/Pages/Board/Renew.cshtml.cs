using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Board;
using TrustFund.Domain.Board;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

public sealed class RenewModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public DateOnly? TermEnd { get; set; }

    public ListTrusteeAppointments.Item Term { get; private set; } = null!;
    public DateOnly SecondTermStart => Term.TermEnd;
    public DateOnly DefaultEnd => Term.TermEnd.AddYears(TrusteeAppointment.TermYears);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        await mediator.Send(new RenewTrusteeTerm.Command(id, TermEnd), ct);
        TempData["Message"] = text["The term of {0} is renewed for a second term.", Term.Name].Value;
        return Redirect("/admin/board");
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var term = (await mediator.Send(new ListTrusteeAppointments.Query(), ct)).Items.FirstOrDefault(i => i.Id == id);
        if (term is null) return false;
        Term = term;
        return true;
    }
}
