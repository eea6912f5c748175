using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Grants;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>
/// One agreement: its terms, reports, payments and amendments, its funding from earmarked contributions; signing, report
/// acceptance (grantees submit their reports through the report forms), allocations of earmarked money, closure.
/// </summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public GetGrantAgreement.Result Current { get; private set; } = null!;
    public GetGrantEarmarkFunding.Result Funding { get; private set; } = null!;

    [BindProperty] public Guid PledgeId { get; set; }
    [BindProperty] public decimal UsdAmount { get; set; }
    // Nullable so that a form posting only one of these texts is not refused for the others ("The … field is required").
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The allocation whose withdrawal form was posted, so a refused withdrawal reopens that form with its text.</summary>
    public Guid? AllocationId { get; private set; }

    [BindProperty] public decimal RefundAmount { get; set; }
    [BindProperty] public DateOnly RefundValueDate { get; set; }
    [BindProperty] public string? RefundBankReference { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantAgreement.Query(id), ct);
        Funding = await mediator.Send(new GetGrantEarmarkFunding.Query(id), ct);
        RefundAmount = Current.Grant.RefundDue ?? 0;
        if (RefundValueDate == default) RefundValueDate = TrustFund.Domain.Common.FundCalendar.Today(clock);
    }

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct) =>
        Act(id, new SignGrantAgreement.Command(id), "The agreement is signed and the obligation raised.", ct);

    public Task<IActionResult> OnPostAcceptReportAsync(Guid id, Guid reportId, CancellationToken ct) =>
        Act(id, new AcceptGrantReport.Command(reportId), "The report is accepted.", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        var result = await mediator.Send(new StartGrantClosure.Command(id), ct);
        TempData["Message"] = result.Closed
            ? text["The grant is closed."].Value
            : text["A refund of {0} is requested from the grantee.", FinanceDisplay.Usd(result.RefundDue)].Value;
        return Redirect($"/fund/grants/{id}");
    }

    public async Task<IActionResult> OnPostAllocateAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        await mediator.Send(new AllocateEarmarkedFunds.Command(id, PledgeId, UsdAmount), ct);
        TempData["Message"] = text["The earmarked contribution is allocated to this grant."].Value;
        return Redirect($"/fund/grants/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAllocationAsync(Guid id, Guid allocationId, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        AllocationId = allocationId;
        await mediator.Send(new WithdrawEarmarkAllocation.Command(id, allocationId, Reason ?? ""), ct);
        TempData["Message"] = text["The allocation is withdrawn."].Value;
        return Redirect($"/fund/grants/{id}");
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        await mediator.Send(new RecordGrantRefund.Command(id, RefundAmount, RefundValueDate, RefundBankReference ?? ""), ct);
        TempData["Message"] = text["The refund is recorded and the grant closed."].Value;
        return Redirect($"/fund/grants/{id}");
    }

    private async Task<IActionResult> Act(Guid id, ICommand<Unit> command, string done, CancellationToken ct)
    {
        // Loaded first: when the use case refuses, the page is shown again with the reason.
        await OnGetAsync(id, ct);
        await mediator.Send(command, ct);
        TempData["Message"] = text[done].Value;
        return Redirect($"/fund/grants/{id}");
    }
}
