using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>The application's summary PDF for its own organisation's records; another organisation's application is a 404.</summary>
public sealed class SummaryModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetApplicationSummaryPdf.Query(id, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);
        Response.Headers.CacheControl = "private, no-cache";
        return File(file.Content, "application/pdf", file.FileName);
    }
}
