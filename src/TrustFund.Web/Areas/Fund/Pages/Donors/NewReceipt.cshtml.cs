using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Contributions;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

public sealed class NewReceiptModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public decimal Amount { get; set; }
    [BindProperty] public string Currency { get; set; } = "";
    [BindProperty] public DateOnly ValueDate { get; set; }
    [BindProperty] public string BankReference { get; set; } = "";

    public GetPledge.Result Pledge { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Pledge = await mediator.Send(new GetPledge.Query(id), ct);
        Currency = Pledge.Pledge.Currency;
        Amount = Pledge.Pledge.Outstanding;
        ValueDate = TrustFund.Domain.Common.FundCalendar.Today(clock);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Pledge = await mediator.Send(new GetPledge.Query(id), ct);
        var result = await mediator.Send(new RecordReceipt.Command(id, Amount, Currency, ValueDate, BankReference), ct);
        TempData["Message"] = text["The receipt is recorded: {0} at {1} per USD.", FinanceDisplay.Usd(result.UsdAmount),
            FinanceDisplay.Rate(result.UnitsPerUsd)].Value;
        return Redirect($"/fund/donors/{Pledge.DonorId}");
    }
}
