using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.OpenData;
using TrustFund.Application.Finance;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Pages.Grants;

/// <summary>The public grants page: open to everyone, plain links and a GET form, so it works without script on slow links.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    public ListPublicGrants.Result Result { get; private set; } = new([], [], [], []);

    private ListPublicGrants.Filter Criteria => new(Year, Group, Country);

    /// <summary>The filters as a query string, carried by the download links so a download holds what the page shows.</summary>
    public string Query => string.Join("&", new[] { ("year", Year?.ToString()), ("group", Group), ("country", Country) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct) => Result = await mediator.Send(new ListPublicGrants.Query(Criteria), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = await mediator.Send(new ListPublicGrants.ExportQuery(Criteria, Display.Language), ct);
        return File(csv.Content, CsvExport.ContentType, csv.FileName);
    }

    /// <summary>The same rows for programs; names in every language the fund has them in.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ListPublicGrants.Query(Criteria), ct);
        var grants = result.Items.Select(i => new
        {
            i.IatiIdentifier, i.ReferenceNumber, Organisation = i.Organisation, i.CountryIso2, Country = i.Country, RegionalGroup = i.RegionalGroupCode,
            Window = i.Window.Code(), i.AmountUsd, i.StartDate, i.EndDate, i.SignedOn, Status = ListPublicGrants.StatusName(i.ActivityStatus),
        });
        var json = JsonSerializer.SerializeToUtf8Bytes(grants, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json; charset=utf-8", "grants.json");
    }
}
