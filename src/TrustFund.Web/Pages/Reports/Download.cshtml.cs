using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Reports;

namespace TrustFund.Web.Pages.Reports;

/// <summary>An issued report's PDF, byte for byte as issued; a report the person may not see is a 404.</summary>
[Authorize]
public sealed class DownloadModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetIssuedReportFile.Query(id), ct);
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        Response.Headers.CacheControl = "private, no-cache";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
