using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Grants;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>
/// One agreement: its terms, reports, payments and amendments, its funding from earmarked contributions; signing, report
/// acceptance (grantees submit their reports through the report forms), allocations of earmarked money, closure.
/// Each form posts to its own handler with its own model (see FormPage).
/// </summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : FormPage
{
    public GetGrantAgreement.Result Current { get; private set; } = null!;
    public GetGrantEarmarkFunding.Result Funding { get; private set; } = null!;

    public sealed class AllocateForm
    {
        public Guid? PledgeId { get; set; }
        public decimal? UsdAmount { get; set; }
    }

    public sealed class WithdrawForm
    {
        public string? Reason { get; set; }
    }

    public sealed class RefundForm
    {
        public decimal? RefundAmount { get; set; }
        public DateOnly? RefundValueDate { get; set; }
        public string? RefundBankReference { get; set; }
    }

    public AllocateForm Allocation { get; private set; } = new();
    public WithdrawForm Withdrawal { get; private set; } = new();
    public RefundForm Refund { get; private set; } = new();

    /// <summary>The allocation whose withdrawal form was posted, so a refused withdrawal reopens that form with its text.</summary>
    public Guid? AllocationId { get; private set; }

    public Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantAgreement.Query(Id), ct);
        Funding = await mediator.Send(new GetGrantEarmarkFunding.Query(Id), ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        // The refund form offers the balance asked back; the officer records what actually arrived.
        Refund = new RefundForm { RefundAmount = Current.Grant.RefundDue, RefundValueDate = TrustFund.Domain.Common.FundCalendar.Today(clock) };
    }

    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) =>
        Send(new SignGrantAgreement.Command(Id), "The agreement is signed and the obligation raised.", Here, ct);

    public Task<IActionResult> OnPostAcceptReportAsync(Guid reportId, CancellationToken ct) =>
        Send(new AcceptGrantReport.Command(reportId), "The report is accepted.", Here, ct);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new StartGrantClosure.Command(Id), ct);
        TempData["Message"] = result.Closed
            ? text["The grant is closed."].Value
            : text["A refund of {0} is requested from the grantee.", FinanceDisplay.Usd(result.RefundDue)].Value;
        return Redirect(Here);
    }

    public Task<IActionResult> OnPostAllocateAsync(AllocateForm allocation, CancellationToken ct)
    {
        Allocation = allocation;
        return Send(new AllocateEarmarkedFunds.Command(Id, allocation.PledgeId ?? Guid.Empty, allocation.UsdAmount ?? 0),
            "The earmarked contribution is allocated to this grant.", Here, ct);
    }

    public Task<IActionResult> OnPostWithdrawAllocationAsync(Guid allocationId, WithdrawForm withdrawal, CancellationToken ct)
    {
        AllocationId = allocationId;
        Withdrawal = withdrawal;
        return Send(new WithdrawEarmarkAllocation.Command(Id, allocationId, withdrawal.Reason ?? ""), "The allocation is withdrawn.", Here, ct);
    }

    public Task<IActionResult> OnPostRefundAsync(RefundForm refund, CancellationToken ct)
    {
        Refund = refund;
        return Send(new RecordGrantRefund.Command(Id, refund.RefundAmount ?? 0, refund.RefundValueDate ?? default, refund.RefundBankReference ?? ""),
            "The refund is recorded and the grant closed.", Here, ct);
    }

    private string Here => $"/fund/grants/{Id}";
}
