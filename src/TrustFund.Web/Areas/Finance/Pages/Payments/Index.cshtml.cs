using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Payments;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Finance.Pages.Payments;

/// <summary>The certifying and approving officers' queue: each step asks for confirmation; the use cases check who may take it.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool ShowDisbursed { get; set; }
    [BindProperty] public DateOnly ValueDate { get; set; }
    [BindProperty] public string BankReference { get; set; } = "";

    public IReadOnlyList<ListPaymentQueue.Item> Payments { get; private set; } = [];
    public DateOnly Today => TrustFund.Domain.Common.FundCalendar.Today(clock);

    public async Task OnGetAsync(CancellationToken ct) =>
        Payments = await mediator.Send(new ListPaymentQueue.Query(ShowDisbursed), ct);

    public Task<IActionResult> OnPostCertifyAsync(Guid paymentId, CancellationToken ct) =>
        Act(new CertifyPayment.Command(paymentId), "The payment is certified.", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid paymentId, CancellationToken ct) =>
        Act(new ApprovePayment.Command(paymentId), "The payment is approved.", ct);

    public Task<IActionResult> OnPostDisburseAsync(Guid paymentId, CancellationToken ct) =>
        Act(new DisbursePayment.Command(paymentId, ValueDate, BankReference), "The disbursement is recorded.", ct);

    private async Task<IActionResult> Act(ICommand<Unit> command, string done, CancellationToken ct)
    {
        await OnGetAsync(ct);
        await mediator.Send(command, ct);
        TempData["Message"] = text[done].Value;
        return Redirect("/finance/payments");
    }
}
