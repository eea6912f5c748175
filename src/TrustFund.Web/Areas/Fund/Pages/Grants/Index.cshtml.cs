using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>The grants with filters and CSV, and the awards still waiting for their agreement to be drawn up.</summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public GrantStatus? Status { get; set; }
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListGrants.Result Result { get; private set; } = new([], 1, 0);
    public IReadOnlyList<ListAwardsWithoutAgreement.Item> Awards { get; private set; } = [];

    private ListGrants.Filter Criteria => new(From, To, Status);

    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&status={Status}";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Awards = await mediator.Send(new ListAwardsWithoutAgreement.Query(), ct);
        Result = await mediator.Send(new ListGrants.Query(Criteria, PageNumber), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = await mediator.Send(new ListGrants.ExportQuery(Criteria), ct);
        return File(csv.Content, CsvExport.ContentType, csv.FileName);
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid applicationId, CancellationToken ct)
    {
        var id = await mediator.Send(new CreateGrantAgreement.Command(applicationId), ct);
        return Redirect($"/fund/grants/{id}");
    }
}
