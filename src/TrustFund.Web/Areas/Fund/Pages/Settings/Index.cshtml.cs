using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Journal;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Settings;

public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public decimal PscPercent { get; set; }
    [BindProperty] public decimal OperatingReservePercent { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await mediator.Send(new GetFundSettings.Query(), ct);
        PscPercent = Math.Round(settings.PscRate * 100, 2);
        OperatingReservePercent = Math.Round(settings.OperatingReserveRate * 100, 2);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(new ChangeFundSettings.Command(PscPercent, OperatingReservePercent), ct);
        TempData["Message"] = text["The fund settings are saved."].Value;
        return Redirect("/fund/settings");
    }
}
