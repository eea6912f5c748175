using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;

namespace TrustFund.Web.Pages.Files;

/// <summary>Downloads an attachment for those who may see its application (others get 404).</summary>
[Authorize]
public sealed class DownloadModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetAttachmentFile.Query(id), ct);
        // Never rendered inline: a file is always a download, so a crafted upload cannot run in our origin.
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
