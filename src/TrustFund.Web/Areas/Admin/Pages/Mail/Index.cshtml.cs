using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Email;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Admin.Pages.Mail;

public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListUndeliveredMail.Item> Mail { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mail = await mediator.Send(new ListUndeliveredMail.Query(), ct);

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new ResendMail.Command(id), ct);
        TempData["Message"] = text["The mail will be sent again in a moment."].Value;
        return Redirect("/admin/mail");
    }
}
