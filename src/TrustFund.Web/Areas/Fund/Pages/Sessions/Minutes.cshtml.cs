using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Sessions;

namespace TrustFund.Web.Areas.Fund.Pages.Sessions;

public sealed class MinutesModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetBoardMinutesPdf.Query(id, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);
        return File(file.Content, "application/pdf", file.FileName);
    }
}
