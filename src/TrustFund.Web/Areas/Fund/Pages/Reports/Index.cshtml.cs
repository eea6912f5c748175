using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Reports;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Reports;

/// <summary>Every issued report, newest first, and the forms that issue new ones.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : FormPage
{
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    /// <summary>The calls summary's and the annual report's form.</summary>
    public sealed class YearForm
    {
        public int Year { get; set; }
        public PaperSize Paper { get; set; } = PaperSize.A4;
        public string Language { get; set; } = "en";
    }

    /// <summary>The donor statement's form.</summary>
    public sealed class StatementForm
    {
        public Guid DonorId { get; set; }
        public DateOnly From { get; set; }
        public DateOnly To { get; set; }
        public PaperSize Paper { get; set; } = PaperSize.A4;
    }

    // What the forms show: the defaults on a fresh page, what was typed after a refusal (asp-for reads the posted values).
    public int Year { get; private set; }
    public Guid DonorId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public PaperSize Paper { get; private set; } = PaperSize.A4;

    /// <summary>The language the annual report or the calls summary is issued in; a donor statement takes its donor's.</summary>
    public string Language { get; private set; } = "en";

    public IReadOnlyList<ListDonors.Item> Donors { get; private set; } = [];

    public PagedList<ListIssuedReports.Item> Reports { get; private set; } = new([], 1, PagedList<ListIssuedReports.Item>.DefaultPageSize, 0);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Reports = await mediator.Send(new ListIssuedReports.Query(PageNumber), ct);
        Donors = await mediator.Send(new ListDonors.Query(), ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = TrustFund.Domain.Common.FundCalendar.Today(clock).Year;
        // The last complete year is what a donor statement is most often issued for.
        From = new DateOnly(Year - 1, 1, 1);
        To = new DateOnly(Year - 1, 12, 31);
        Language = DocumentLanguages.Normalise(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        await EnsureLoadedAsync(ct);
    }

    public Task<IActionResult> OnPostCallsSummaryAsync(YearForm report, CancellationToken ct) =>
        Issue(report, async () => (await mediator.Send(new IssueCallsSummary.Command(report.Year, report.Paper, report.Language), ct)).Sha256);

    public Task<IActionResult> OnPostAnnualReportAsync(YearForm report, CancellationToken ct) =>
        Issue(report, async () => (await mediator.Send(new IssueAnnualReport.Command(report.Year, report.Paper, report.Language), ct)).Sha256);

    public Task<IActionResult> OnPostDonorStatementAsync(StatementForm statement, CancellationToken ct)
    {
        (DonorId, From, To, Paper) = (statement.DonorId, statement.From, statement.To, statement.Paper);
        return Issue(null, async () => (await mediator.Send(new IssueDonorStatement.Command(statement.DonorId, statement.From, statement.To, statement.Paper), ct)).Sha256);
    }

    private async Task<IActionResult> Issue(YearForm? report, Func<Task<string>> issue)
    {
        if (report is not null) (Year, Paper, Language) = (report.Year, report.Paper, report.Language);
        if (!ModelState.IsValid) return Page();
        var sha256 = await issue();
        TempData["Message"] = text["The report is issued and stored. Its SHA-256 is {0}.", sha256].Value;
        return RedirectToPage();
    }
}
