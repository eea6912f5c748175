using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Finance;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Areas.Fund.Pages.Exports;

/// <summary>CSV exports across calls: submitted applications and their beneficiary targets, filtered by call and status.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CallId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    public IReadOnlyList<ListCallsForManagement.Item> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await mediator.Send(new ListCallsForManagement.Query(), ct);

    public async Task<IActionResult> OnGetApplicationsAsync(CancellationToken ct) =>
        Csv(await mediator.Send(new ListApplications.ExportQuery(new ListApplications.Filter(CallId, Status)), ct));

    public async Task<IActionResult> OnGetBeneficiariesAsync(CancellationToken ct) =>
        Csv(await mediator.Send(new ListApplications.BeneficiariesExportQuery(new ListApplications.Filter(CallId, Status)), ct));

    private FileContentResult Csv(CsvExport csv) => File(csv.Content, CsvExport.ContentType, csv.FileName);
}
