using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Reports;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Reports;

/// <summary>Every issued report, newest first, and the forms that issue new ones.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public Guid DonorId { get; set; }

    [BindProperty]
    public DateOnly From { get; set; }

    [BindProperty]
    public DateOnly To { get; set; }

    [BindProperty]
    public PaperSize Paper { get; set; } = PaperSize.A4;

    /// <summary>The language the annual report or the calls summary is issued in; a donor statement takes its donor's.</summary>
    [BindProperty]
    public string Language { get; set; } = "en";

    public IReadOnlyList<ListDonors.Item> Donors { get; private set; } = [];

    public PagedList<ListIssuedReports.Item> Reports { get; private set; } = new([], 1, PagedList<ListIssuedReports.Item>.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().Year;
        // The last complete year is what a donor statement is most often issued for.
        From = new DateOnly(Year - 1, 1, 1);
        To = new DateOnly(Year - 1, 12, 31);
        Language = DocumentLanguages.Normalise(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        await Load(ct);
    }

    public async Task<IActionResult> OnPostCallsSummaryAsync(CancellationToken ct)
    {
        await Load(ct); // shown again if the year is refused
        var result = await mediator.Send(new IssueCallsSummary.Command(Year, Paper, Language), ct);
        TempData["Message"] = text["The report is issued and stored. Its SHA-256 is {0}.", result.Sha256].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnnualReportAsync(CancellationToken ct)
    {
        await Load(ct);
        var result = await mediator.Send(new IssueAnnualReport.Command(Year, Paper, Language), ct);
        TempData["Message"] = text["The report is issued and stored. Its SHA-256 is {0}.", result.Sha256].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDonorStatementAsync(CancellationToken ct)
    {
        await Load(ct);
        var result = await mediator.Send(new IssueDonorStatement.Command(DonorId, From, To, Paper), ct);
        TempData["Message"] = text["The report is issued and stored. Its SHA-256 is {0}.", result.Sha256].Value;
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct)
    {
        Reports = await mediator.Send(new ListIssuedReports.Query(PageNumber), ct);
        Donors = await mediator.Send(new ListDonors.Query(), ct);
    }
}
