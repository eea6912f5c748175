using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
public sealed class ReportModel(IMediator mediator, CountryOptions countryOptions, TrustFundDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int NationalityRows = 8;

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public Dictionary<string, int?> BySex { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> ByAgeGroup { get; set; } = [];
    [BindProperty] public List<CountInput> ByNationality { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> ByForm { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> ByAssistance { get; set; } = [];
    [BindProperty] public string? Activities { get; set; }
    [BindProperty] public string? Challenges { get; set; }
    [BindProperty] public List<string?> CaseStories { get; set; } = [];
    [BindProperty] public List<LineInput> Lines { get; set; } = [];

    public GetGrantReport.Result Current { get; private set; } = null!;
    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Forms { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> AssistanceTypes { get; private set; } = [];

    public sealed class CountInput { public string? Code { get; set; } public int? Number { get; set; } }
    public sealed class LineInput { public decimal? Spent { get; set; } public string? Explanation { get; set; } }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct, fillForm: true);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct, fillForm: false);
        await mediator.Send(SaveCommand(id), ct);
        TempData["Message"] = text["Saved."].Value;
        return Redirect($"/apply/reports/{id}");
    }

    /// <summary>The 30-second autosave: same save, answered in JSON so the page stays where it is.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantReport.Query(id, OwnOrganisationOnly: true), ct); // the report's kind picks the form
        return await AutosaveResult.Of(async () =>
        {
            var saved = await mediator.Send(SaveCommand(id), ct);
            return (saved.Version, saved.SavedAt);
        }, text);
    }

    /// <summary>Saves what is in the form, then submits it; refusals come back next to their fields with the form as typed.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct, fillForm: false);
        var saved = await mediator.Send(SaveCommand(id), ct);
        Version = saved.Version;
        await mediator.Send(new SubmitGrantReport.Command(id), ct);
        TempData["Message"] = text["The report is submitted to the secretariat."].Value;
        return Redirect($"/apply/reports/{id}");
    }

    private SaveGrantReportDraft.Command SaveCommand(Guid id)
    {
        if (!Current.Report.IsNarrative)
            return new(id, Version, null, new FinancialReport(Lines.Select(l => new ExpenditureLine("", "", 0, l.Spent ?? 0, l.Explanation)).ToList()));
        static List<ReportCount> Counts(IEnumerable<KeyValuePair<string, int?>> cells) =>
            cells.Where(c => c.Value is not null and not 0).Select(c => new ReportCount(c.Key, c.Value!.Value)).ToList();
        return new(id, Version, new NarrativeReport(Counts(BySex), Counts(ByAgeGroup),
            Counts(ByNationality.Where(n => !string.IsNullOrWhiteSpace(n.Code)).GroupBy(n => n.Code!)
                .Select(g => new KeyValuePair<string, int?>(g.Key, g.Sum(n => n.Number ?? 0)))),
            Counts(ByForm), Counts(ByAssistance), Activities?.Trim() ?? "", Challenges?.Trim() ?? "",
            CaseStories.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList()), null);
    }

    private async Task Load(Guid id, CancellationToken ct, bool fillForm)
    {
        Current = await mediator.Send(new GetGrantReport.Query(id, OwnOrganisationOnly: true), ct);
        Countries = await countryOptions.ForLanguage(Display.Language, ct);
        Forms = (await db.FormsOfExploitation.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
            .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
        AssistanceTypes = (await db.AssistanceTypes.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
            .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
        if (!fillForm) return;
        Version = Current.Version;
        var n = Current.Report.Narrative ?? NarrativeReport.Empty;
        BySex = n.BySex.ToDictionary(c => c.Code, c => (int?)c.Number);
        ByAgeGroup = n.ByAgeGroup.ToDictionary(c => c.Code, c => (int?)c.Number);
        ByNationality = n.ByNationality.Select(c => new CountInput { Code = c.Code, Number = c.Number }).ToList();
        ByForm = n.ByForm.ToDictionary(c => c.Code, c => (int?)c.Number);
        ByAssistance = n.ByAssistance.ToDictionary(c => c.Code, c => (int?)c.Number);
        Activities = n.Activities;
        Challenges = n.Challenges;
        CaseStories = [.. n.CaseStories];
        var f = Current.Report.Financial;
        Lines = Current.Budget.Select((_, i) => f is not null && i < f.Lines.Count
            ? new LineInput { Spent = f.Lines[i].Spent, Explanation = f.Lines[i].Explanation }
            : new LineInput()).ToList();
    }
}
