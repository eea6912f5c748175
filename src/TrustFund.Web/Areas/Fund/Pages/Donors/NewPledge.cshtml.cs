using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Contributions;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Donors;

public sealed class NewPledgeModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : FormPage
{
    [BindProperty] public decimal Amount { get; set; }
    [BindProperty] public string Currency { get; set; } = "USD";
    [BindProperty] public DateOnly PledgedOn { get; set; }
    [BindProperty] public bool IsEarmarked { get; set; }
    [BindProperty] public string? EarmarkPurpose { get; set; }

    public Guid DonorId { get; private set; }
    public string DonorName { get; private set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        PledgedOn = TrustFund.Domain.Common.FundCalendar.Today(clock);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new RecordPledge.Command(id, Amount, Currency, PledgedOn, IsEarmarked, EarmarkPurpose), ct);
        TempData["Message"] = text["The pledge is recorded."].Value;
        return Redirect($"/fund/donors/{id}");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var donor = await mediator.Send(new GetDonor.Query(RouteGuid()), ct);
        (DonorId, DonorName) = (donor.Id, donor.Name);
    }
}
