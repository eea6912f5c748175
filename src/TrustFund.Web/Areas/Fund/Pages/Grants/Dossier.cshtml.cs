using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.AuditorDossiers;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>
/// A grant's auditor's dossiers: ask for one (one form, see FormPage), watch it being built, download it with its SHA-256.
/// </summary>
public sealed class DossierModel(IMediator mediator) : FormPage
{
    public GetAuditorDossiers.Result Result { get; private set; } = null!;

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct) => Result = await mediator.Send(new GetAuditorDossiers.Query(Id), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Send(new RequestAuditorDossier.Command(Id), "The dossier is being built; this page shows its progress.", $"/fund/grants/{Id}/dossier", ct);

    public async Task<IActionResult> OnGetDownloadAsync(Guid dossierId, CancellationToken ct)
    {
        var file = await mediator.Send(new GetAuditorDossiers.FileQuery(Id, dossierId), ct);
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return File(file.Content, "application/zip", file.FileName);
    }
}
