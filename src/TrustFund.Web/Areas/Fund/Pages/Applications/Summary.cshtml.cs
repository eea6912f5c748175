using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;

namespace TrustFund.Web.Areas.Fund.Pages.Applications;

/// <summary>An application's summary PDF for the secretariat, e.g. for the board pack.</summary>
public sealed class SummaryModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetApplicationSummaryPdf.Query(id, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);
        Response.Headers.CacheControl = "private, no-cache";
        return File(file.Content, "application/pdf", file.FileName);
    }
}
