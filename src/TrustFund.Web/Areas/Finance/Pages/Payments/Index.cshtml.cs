using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Finance.Pages.Payments;

/// <summary>
/// The certifying and approving officers' queue. Each payment offers only the step the signed-in officer may take, and
/// says why when the step is someone else's (the use cases still check, for a forged post).
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, ICurrentUser user) : FormPage
{
    [BindProperty(SupportsGet = true)] public bool ShowDisbursed { get; set; }

    public sealed class DisburseForm
    {
        public Guid PaymentId { get; set; }
        public DateOnly? ValueDate { get; set; }
        public string? BankReference { get; set; }
    }

    /// <summary>The disbursement form that was posted, shown again with what was typed when it is refused.</summary>
    public DisburseForm? Disbursing { get; private set; }

    public IReadOnlyList<ListPaymentQueue.Item> Payments { get; private set; } = [];
    public DateOnly Today => TrustFund.Domain.Common.FundCalendar.Today(clock);

    protected override async Task LoadAsync(CancellationToken ct) =>
        Payments = await mediator.Send(new ListPaymentQueue.Query(ShowDisbursed), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostCertifyAsync(Guid paymentId, CancellationToken ct) =>
        Send(new CertifyPayment.Command(paymentId), "The payment is certified.", "/finance/payments", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid paymentId, CancellationToken ct) =>
        Send(new ApprovePayment.Command(paymentId), "The payment is approved.", "/finance/payments", ct);

    public Task<IActionResult> OnPostDisburseAsync(DisburseForm disbursement, CancellationToken ct)
    {
        Disbursing = disbursement;
        return Send(new DisbursePayment.Command(disbursement.PaymentId, disbursement.ValueDate ?? default, disbursement.BankReference ?? ""),
            "The disbursement is recorded.", "/finance/payments", ct);
    }

    /// <summary>The step this officer may take on the payment, or why it is not theirs (a catalogue text), as the domain rules it.</summary>
    public (bool Allowed, string? Why) CanCertify(ListPaymentQueue.Item p) =>
        !user.IsInRole(Roles.CertifyingOfficer) ? (false, "A certifying officer certifies this payment.") : (true, null);

    public (bool Allowed, string? Why) CanApprove(ListPaymentQueue.Item p) =>
        !user.IsInRole(Roles.ApprovingOfficer) ? (false, "An approving officer approves this payment.")
        : p.CertifiedById == user.UserId ? (false, "You certified this payment: another officer must approve it.")
        : p.RequestedById == user.UserId ? (false, "You requested this payment: another officer must approve it.")
        : (true, null);

    public static bool IsWaitingFor(ListPaymentQueue.Item p, PaymentStatus status) => p.HeldByReport is null && p.Status == status;
}
