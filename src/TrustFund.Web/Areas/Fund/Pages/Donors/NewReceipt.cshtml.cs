using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Contributions;
using TrustFund.Domain.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

/// <summary>
/// Records money received against a pledge: one form with its own model (see FormPage). The pledge is loaded to show
/// the page, never before the command, so what the officer typed is what is recorded.
/// </summary>
public sealed class NewReceiptModel(IMediator mediator, TimeProvider clock) : FormPage
{
    public sealed class ReceiptForm
    {
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        public DateOnly? ValueDate { get; set; }
        public string? BankReference { get; set; }
    }

    public ReceiptForm Receipt { get; private set; } = new();
    public GetPledge.Result Pledge { get; private set; } = null!;

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct) => Pledge = await mediator.Send(new GetPledge.Query(Id), ct);

    /// <summary>The form proposes what is still outstanding, in the pledge's currency, received today.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        Receipt = new ReceiptForm { Amount = Pledge.Pledge.Outstanding, Currency = Pledge.Pledge.Currency, ValueDate = FundCalendar.Today(clock) };
    }

    public async Task<IActionResult> OnPostAsync(ReceiptForm receipt, CancellationToken ct)
    {
        Receipt = receipt;
        if (!ModelState.IsValid) return Page();
        var result = await mediator.Send(new RecordReceipt.Command(Id, receipt.Amount ?? 0, receipt.Currency ?? "", receipt.ValueDate ?? default,
            receipt.BankReference ?? ""), ct);
        TempData["Message"] = Text("The receipt is recorded: {0} at {1} per USD.", FinanceDisplay.Usd(result.UsdAmount), FinanceDisplay.Rate(result.UnitsPerUsd));
        // The donor is read after the receipt is recorded, for the address of its page only.
        return Redirect($"/fund/donors/{(await mediator.Send(new GetPledge.Query(Id), ct)).DonorId}");
    }
}
