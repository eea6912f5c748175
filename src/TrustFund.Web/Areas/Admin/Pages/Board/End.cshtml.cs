using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Board;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

public sealed class EndModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public DateOnly? EndOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ListTrusteeAppointments.Item Term { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        EndOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        await mediator.Send(new EndTrusteeTerm.Command(id, EndOn ?? default, Reason ?? ""), ct);
        TempData["Message"] = text["The term of {0} is ended early.", Term.Name].Value;
        return Redirect("/admin/board");
    }

    private DateOnly Today { get; set; }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var list = await mediator.Send(new ListTrusteeAppointments.Query(), ct);
        var term = list.Items.FirstOrDefault(i => i.Id == id);
        if (term is null) return false;
        (Term, Today) = (term, list.Today);
        return true;
    }
}
