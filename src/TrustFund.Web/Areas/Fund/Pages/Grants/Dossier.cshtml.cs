using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.AuditorDossiers;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>A grant's auditor's dossiers: ask for one, watch it being built, download it with its SHA-256.</summary>
public sealed class DossierModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetAuditorDossiers.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Result = await mediator.Send(new GetAuditorDossiers.Query(id), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RequestAuditorDossier.Command(id), ct);
        TempData["Message"] = text["The dossier is being built; this page shows its progress."].Value;
        return Redirect($"/fund/grants/{id}/dossier");
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid dossierId, CancellationToken ct)
    {
        var file = await mediator.Send(new GetAuditorDossiers.FileQuery(id, dossierId), ct);
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return File(file.Content, "application/zip", file.FileName);
    }
}
