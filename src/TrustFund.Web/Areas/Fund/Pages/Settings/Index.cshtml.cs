using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Journal;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Settings;

/// <summary>The fund's rates (programme support cost, operating reserve): one form, with its own model (see FormPage).</summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    public sealed class SettingsForm
    {
        public decimal? PscPercent { get; set; }
        public decimal? OperatingReservePercent { get; set; }
    }

    public SettingsForm Settings { get; private set; } = new();

    // The form is the whole page: nothing else to load.
    protected override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await mediator.Send(new GetFundSettings.Query(), ct);
        Settings = new SettingsForm
        {
            PscPercent = Math.Round(settings.PscRate * 100, 2),
            OperatingReservePercent = Math.Round(settings.OperatingReserveRate * 100, 2),
        };
    }

    public Task<IActionResult> OnPostAsync(SettingsForm settings, CancellationToken ct)
    {
        Settings = settings;
        // An empty box is refused by the rule's bounds message rather than read as 0%.
        return Send(new ChangeFundSettings.Command(settings.PscPercent ?? -1, settings.OperatingReservePercent ?? -1),
            "The fund settings are saved.", "/fund/settings", ct);
    }
}
