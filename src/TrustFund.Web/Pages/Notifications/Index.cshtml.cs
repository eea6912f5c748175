using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Notifications;

namespace TrustFund.Web.Pages.Notifications;

[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public ListMyNotifications.Result Result { get; private set; } = new([], 1, 0, 0);

    // In the page's language: someone who changed theirs reads their older notifications in the new one too.
    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await mediator.Send(new ListMyNotifications.Query(PageNumber, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsRead.Command(), ct);
        return Redirect("/notifications");
    }
}
