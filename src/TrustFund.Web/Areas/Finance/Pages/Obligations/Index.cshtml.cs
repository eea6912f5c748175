using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Grants;

namespace TrustFund.Web.Areas.Finance.Pages.Obligations;

/// <summary>The periodic review of unliquidated obligations (FRR): what is still obligated after a grant's end date.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public IReadOnlyList<ListUnliquidatedObligations.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf ??= TrustFund.Domain.Common.FundCalendar.Today(clock);
        Items = await mediator.Send(new ListUnliquidatedObligations.Query(AsOf.Value), ct);
    }
}
