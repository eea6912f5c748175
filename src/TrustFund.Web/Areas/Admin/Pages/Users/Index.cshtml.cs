using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Users;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Users;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListUsers.Result Result { get; private set; } = new([], 1, 0);

    public async Task OnGetAsync(CancellationToken ct) => Result = await mediator.Send(new ListUsers.Query(Search, PageNumber), ct);
}
