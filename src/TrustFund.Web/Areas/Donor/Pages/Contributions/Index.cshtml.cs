using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Contributions;

namespace TrustFund.Web.Areas.Donor.Pages.Contributions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Null when the account is not linked to a donor.</summary>
    public ListMyContributions.Result? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Mine = await mediator.Send(new ListMyContributions.Query(), ct);
}
