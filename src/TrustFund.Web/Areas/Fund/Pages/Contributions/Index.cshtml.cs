using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Finance;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Contributions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DonorId { get; set; }
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListContributions.Result Result { get; private set; } = new([], 1, 0, 0);
    public PeriodDonorFilter Filter { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = new PeriodDonorFilter(From, To, DonorId, await mediator.Send(new ListDonors.Query(), ct));
        Result = await mediator.Send(new ListContributions.Query(new ListContributions.Filter(From, To, DonorId), PageNumber), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = await mediator.Send(new ListContributions.ExportQuery(new ListContributions.Filter(From, To, DonorId)), ct);
        return File(csv.Content, CsvExport.ContentType, csv.FileName);
    }
}
