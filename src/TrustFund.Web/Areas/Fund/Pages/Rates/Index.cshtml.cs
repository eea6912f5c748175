using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Rates;

public sealed class IndexModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? FilterCurrency { get; set; }

    /// <summary>yyyy-MM, as an input of type month sends it.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindPageNumber] public int PageNumber { get; set; } = 1;

    [BindProperty] public string Currency { get; set; } = "";
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public decimal UnitsPerUsd { get; set; }

    public ListUnoreRates.Result Result { get; private set; } = new([], 1, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = TrustFund.Domain.Common.FundCalendar.Today(clock);
        EffectiveFrom = new DateOnly(today.Year, today.Month, 1);
        await EnsureLoadedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new AddUnoreRate.Command(Currency, EffectiveFrom, UnitsPerUsd), ct);
        TempData["Message"] = text["The rate is added."].Value;
        return Redirect("/fund/rates");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        int? year = null, month = null;
        if (DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            (year, month) = (m.Year, m.Month);
        Result = await mediator.Send(new ListUnoreRates.Query(FilterCurrency, year, month, PageNumber), ct);
    }
}
