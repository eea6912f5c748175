using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Contributions;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string Reason { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>The receipt whose reversal form was posted, so a refused reversal reopens that form with its text.</summary>
    public Guid? ReceiptId { get; private set; }

    public GetDonor.Result Donor { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Donor = await mediator.Send(new GetDonor.Query(id), ct);

    public async Task<IActionResult> OnPostReverseAsync(Guid id, Guid receiptId, CancellationToken ct)
    {
        Donor = await mediator.Send(new GetDonor.Query(id), ct);
        ReceiptId = receiptId;
        if (Donor.Receipts.All(r => r.Id != receiptId)) return NotFound();
        await mediator.Send(new ReverseReceipt.Command(receiptId, Reason), ct);
        TempData["Message"] = text["The receipt is reversed and the reversing entry booked in the journal."].Value;
        return Redirect($"/fund/donors/{id}");
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        Donor = await mediator.Send(new GetDonor.Query(id), ct);
        await mediator.Send(new LinkDonorUser.Command(id, Email), ct);
        TempData["Message"] = text["The account is linked to this donor."].Value;
        return Redirect($"/fund/donors/{id}");
    }
}
