using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Applications;

public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? RegionalGroup { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MinAmount { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MaxAmount { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "reference";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListCallApplications.Result Result { get; private set; } = null!;

    /// <summary>The filter's choices, named in the reader's language ("Latin American and Caribbean States"), not by their codes.</summary>
    public IReadOnlyList<ListRegionalGroups.Item> RegionalGroups { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Result = await mediator.Send(Query(id, all: false), ct);
        RegionalGroups = await mediator.Send(new ListRegionalGroups.Query(), ct);
    }

    /// <summary>The same filtered list as a CSV file (UTF-8 with BOM so spreadsheet programs read accents right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(Query(id, all: true), ct);
        var csv = new StringBuilder("reference,organisation,country,regional_group,project,requested_usd,status,submitted_utc,failed_checks\n");
        foreach (var i in result.Items)
            csv.AppendLine(string.Join(',', Field(i.ReferenceNumber), Field(i.Organisation), i.CountryIso2, i.RegionalGroupCode ?? "",
                Field(i.ProjectTitle), i.RequestedAmount.ToString("0.00", CultureInfo.InvariantCulture), i.Status,
                i.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), i.FailedChecks));
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv",
            // Dated by the app's clock, as everything else it writes: the machine's own date is not the fund's.
            $"applications-{result.Window}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>This list's address with the same filters; naming a sort column toggles its direction.</summary>
    public string Link(int page = 1, string? sort = null)
    {
        var descending = sort is null ? Desc : sort == Sort && !Desc;
        return $"?status={Status}&country={Uri.EscapeDataString(Country ?? "")}&regionalGroup={RegionalGroup}&minAmount={MinAmount}" +
               $"&maxAmount={MaxAmount}&sort={sort ?? Sort}&desc={descending}&pageNumber={page}";
    }

    private ListCallApplications.Query Query(Guid id, bool all) => new(id)
    {
        Status = Status, Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(), RegionalGroup = RegionalGroup,
        MinAmount = MinAmount, MaxAmount = MaxAmount, Sort = Sort, Descending = Desc, Page = PageNumber, All = all,
    };

    // Quotes every text field, and defuses a leading =, +, - or @ so a spreadsheet never runs it as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
