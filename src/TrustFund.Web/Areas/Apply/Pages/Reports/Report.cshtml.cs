using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Domain.Grants;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages.Reports;

/// <summary>
/// A grantee's report form: the narrative form (victims assisted, activities, case stories) or the financial one
/// (expenditure per budget line), by the report's kind. Saves a draft, autosaves every 30 seconds like the
/// application form, and submits. Field names match the keys the domain gives its problems, so messages sit next to their fields.
/// </summary>
public sealed class ReportModel(IMediator mediator, CountryOptions countryOptions, TrustFundDbContext db, IStringLocalizer<SharedResource> text) : FormPage
{
    public const int NationalityRows = 8;

    /// <summary>
    /// Everything the form posts, bound as one model (see FormPage): the count grids are dictionaries inside it, so a
    /// financial report's post (which has no BySex[…] field) no longer binds every posted field, the antiforgery token
    /// included, as a count.
    /// </summary>
    public sealed class ReportForm
    {
        public uint Version { get; set; }
        public Dictionary<string, int?> BySex { get; set; } = [];
        public Dictionary<string, int?> ByAgeGroup { get; set; } = [];
        public List<CountInput> ByNationality { get; set; } = [];
        public Dictionary<string, int?> ByForm { get; set; } = [];
        public Dictionary<string, int?> ByAssistance { get; set; } = [];
        public string? Activities { get; set; }
        public string? Challenges { get; set; }
        public List<string?> CaseStories { get; set; } = [];
        public List<LineInput> Lines { get; set; } = [];
    }

    public ReportForm Form { get; private set; } = new();
    public GetGrantReport.Result Current { get; private set; } = null!;
    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Forms { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> AssistanceTypes { get; private set; } = [];

    public sealed class CountInput { public string? Code { get; set; } public int? Number { get; set; } }
    public sealed class LineInput { public decimal? Spent { get; set; } public string? Explanation { get; set; } }

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantReport.Query(Id), ct);
        Countries = await countryOptions.ForLanguage(Display.Language, ct);
        Forms = (await db.FormsOfExploitation.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
            .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
        AssistanceTypes = (await db.AssistanceTypes.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
            .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var n = Current.Report.Narrative ?? NarrativeReport.Empty;
        var f = Current.Report.Financial;
        Form = new ReportForm
        {
            Version = Current.Version,
            BySex = n.BySex.ToDictionary(c => c.Code, c => (int?)c.Number),
            ByAgeGroup = n.ByAgeGroup.ToDictionary(c => c.Code, c => (int?)c.Number),
            ByNationality = n.ByNationality.Select(c => new CountInput { Code = c.Code, Number = c.Number }).ToList(),
            ByForm = n.ByForm.ToDictionary(c => c.Code, c => (int?)c.Number),
            ByAssistance = n.ByAssistance.ToDictionary(c => c.Code, c => (int?)c.Number),
            Activities = n.Activities,
            Challenges = n.Challenges,
            CaseStories = [.. n.CaseStories],
            Lines = Current.Budget.Select((_, i) => f is not null && i < f.Lines.Count
                ? new LineInput { Spent = f.Lines[i].Spent, Explanation = f.Lines[i].Explanation }
                : new LineInput()).ToList(),
        };
    }

    public Task<IActionResult> OnPostAsync(ReportForm report, CancellationToken ct)
    {
        Form = report;
        return Send(SaveCommand(report), "Saved.", $"/apply/reports/{Id}", ct);
    }

    /// <summary>The 30-second autosave: same save, answered in JSON so the page stays where it is.</summary>
    public Task<IActionResult> OnPostAutosaveAsync(ReportForm report, CancellationToken ct) =>
        AutosaveResult.Of(async () =>
        {
            // A value the binder could not read ("abc" in a count) is refused, not saved as an empty cell.
            if (!ModelState.IsValid) throw AutosaveResult.Refusal(ModelState);
            var saved = await mediator.Send(SaveCommand(report), ct);
            return (saved.Version, saved.SavedAt);
        }, text);

    /// <summary>Saves what is in the form, then submits it; refusals come back next to their fields with the form as typed.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(ReportForm report, CancellationToken ct)
    {
        Form = report;
        if (!ModelState.IsValid) return Page();
        var saved = await mediator.Send(SaveCommand(report), ct);
        // The save above is kept even when the submission is refused: the form shown again must carry the version that
        // save produced, or correcting and submitting again is refused as someone else's edit.
        Form.Version = saved.Version;
        await mediator.Send(new SubmitGrantReport.Command(Id), ct);
        TempData["Message"] = text["The report is submitted to the secretariat."].Value;
        return Redirect($"/apply/reports/{Id}");
    }

    /// <summary>
    /// The financial form always posts its budget lines and the narrative form never does, so the post says which part
    /// it saves without loading the report first (a forged mix is refused by the report itself, by its kind).
    /// </summary>
    private SaveGrantReportDraft.Command SaveCommand(ReportForm form)
    {
        if (form.Lines.Count > 0)
            return new(Id, form.Version, null, new FinancialReport(form.Lines.Select(l => new ExpenditureLine("", "", 0, l.Spent, l.Explanation)).ToList()));
        static List<ReportCount> Counts(IEnumerable<KeyValuePair<string, int?>> cells) =>
            cells.Where(c => c.Value is not null and not 0).Select(c => new ReportCount(c.Key, c.Value!.Value)).ToList();
        return new(Id, form.Version, new NarrativeReport(Counts(form.BySex), Counts(form.ByAgeGroup),
            Counts(form.ByNationality.Where(n => !string.IsNullOrWhiteSpace(n.Code)).GroupBy(n => n.Code!)
                .Select(g => new KeyValuePair<string, int?>(g.Key, RowsTotal(g)))),
            Counts(form.ByForm), Counts(form.ByAssistance), form.Activities?.Trim() ?? "", form.Challenges?.Trim() ?? "",
            form.CaseStories.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList()), null);
    }

    /// <summary>
    /// Rows of one nationality are added up into one count, as long: two rows at Int32.MaxValue overflowed into a 500.
    /// A negative row is passed on as it is, so the validator refuses it instead of the sum hiding it; a sum past Int32
    /// goes on as Int32.MaxValue, which the validator refuses like any count past the bound.
    /// </summary>
    private static int RowsTotal(IEnumerable<CountInput> rows)
    {
        var numbers = rows.Select(r => r.Number ?? 0).ToList();
        return numbers.Any(n => n < 0) ? numbers.Min() : (int)Math.Min(numbers.Sum(n => (long)n), int.MaxValue);
    }
}
