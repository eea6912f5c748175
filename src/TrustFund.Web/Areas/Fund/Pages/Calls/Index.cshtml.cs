using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CallStatus? Status { get; set; }

    public IReadOnlyList<ListCallsForManagement.Item> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await mediator.Send(new ListCallsForManagement.Query(Status), ct);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, MoveCallAlong.Step to, CancellationToken ct)
    {
        await mediator.Send(new MoveCallAlong.Command(id, to), ct);
        TempData["Message"] = text["The call has moved to its next stage."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new PublishCall.Command(id), ct);
        TempData["Message"] = text["The call is published and open for applications."].Value;
        return RedirectToPage();
    }
}
