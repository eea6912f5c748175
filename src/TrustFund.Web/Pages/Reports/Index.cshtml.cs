using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Identity;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Reports;

/// <summary>A donor's reports: those the fund issued to its donor.</summary>
[Authorize(Roles = $"{Roles.Donor},{Roles.FundManager}")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public PagedList<ListIssuedReports.Item> Reports { get; private set; } = new([], 1, PagedList<ListIssuedReports.Item>.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Reports = await mediator.Send(new ListIssuedReports.Query(PageNumber), ct);
}
