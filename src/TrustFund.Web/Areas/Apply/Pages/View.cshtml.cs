using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Applications;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>A submitted application as its organisation sees it: the receipt, the status history, a printable copy.</summary>
public sealed class ViewModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetApplication.Result Current { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Current = await mediator.Send(new GetApplication.Query(id), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetApplication.Query(id), ct);
        await mediator.Send(new WithdrawApplication.Command(id, Reason), ct);
        TempData["Message"] = text["The application is withdrawn."].Value;
        return Redirect($"/apply/{id}/view");
    }
}
