using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Contributions;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

/// <summary>One donor: pledges and receipts (a receipt reversed with its reason), and the donor account linked to it.</summary>
public sealed class DetailsModel(IMediator mediator) : FormPage
{
    public sealed class ReverseForm { public string? Reason { get; set; } }
    public sealed class LinkForm { public string? Email { get; set; } }

    public ReverseForm Reversal { get; private set; } = new();
    public LinkForm Link { get; private set; } = new();

    /// <summary>The receipt whose reversal form was posted, so a refused reversal reopens that form with its text.</summary>
    public Guid? ReceiptId { get; private set; }

    public GetDonor.Result Donor { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => Donor = await mediator.Send(new GetDonor.Query(RouteGuid()), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostReverseAsync(Guid receiptId, ReverseForm reversal, CancellationToken ct)
    {
        ReceiptId = receiptId;
        Reversal = reversal;
        return Send(new ReverseReceipt.Command(receiptId, reversal.Reason ?? ""),
            "The receipt is reversed and the reversing entry booked in the journal.", $"/fund/donors/{RouteGuid()}", ct);
    }

    public Task<IActionResult> OnPostLinkAsync(LinkForm link, CancellationToken ct)
    {
        Link = link;
        return Send(new LinkDonorUser.Command(RouteGuid(), link.Email ?? ""), "The account is linked to this donor.", $"/fund/donors/{RouteGuid()}", ct);
    }
}
