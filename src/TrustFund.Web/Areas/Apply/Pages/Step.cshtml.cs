using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Organisations;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// The application form, one step per page. Moving on saves the step on the server; the page also autosaves
/// every 30 seconds when JavaScript runs, and works fully without it.
/// </summary>
// Enough form values for a budget far above its 100 lines, so that too many lines are refused with a message, not a bare 400.
[RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxFileBytes + 1024 * 1024, ValueCountLimit = 4096)]
[RequestSizeLimit(Attachment.MaxFileBytes + 1024 * 1024)]
public sealed class StepModel(IMediator mediator, CountryOptions countryOptions, TrustFundDbContext db, IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel
{
    public static readonly string[] Steps = ["organisation", "project", "beneficiaries", "budget", "declaration", "attachments", "review"];

    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "organisation";
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public OrganisationProfileForm Organisation { get; set; } = new();
    [BindProperty] public ProjectSection Project { get; set; } = new();
    [BindProperty] public List<BudgetLineInput> Budget { get; set; } = [];
    [BindProperty] public PartnerDeclaration Declaration { get; set; } = new();
    [BindProperty] public DocumentType UploadType { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public GetApplication.Result Current { get; private set; } = null!;
    public IReadOnlyList<(string Iso2, string Name)> Countries { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Forms { get; private set; } = [];

    /// <summary>One line of the budget form; a class with properties, so that a refused value is named by its label (FieldLabels).</summary>
    public sealed class BudgetLineInput
    {
        public BudgetCategory Category { get; set; } = BudgetCategory.DirectAssistance;
        public string? Description { get; set; }
        public decimal? Amount { get; set; }
    }

    /// <summary>The columns of the beneficiaries grid.</summary>
    public static readonly (Sex Sex, AgeGroup Age, string Label)[] Cells =
    [
        (Sex.Female, AgeGroup.Child, "Girls"), (Sex.Male, AgeGroup.Child, "Boys"), (Sex.Other, AgeGroup.Child, "Other children"),
        (Sex.Female, AgeGroup.Adult, "Women"), (Sex.Male, AgeGroup.Adult, "Men"), (Sex.Other, AgeGroup.Adult, "Other adults"),
    ];

    public static string CellName(string formCode, Sex sex, AgeGroup age) => $"B.{formCode}.{sex}.{age}";

    /// <summary>The call no longer takes submissions: the review step says so instead of offering Submit.</summary>
    public bool DeadlinePassed => !Current.Call.IsOpenAt(clock.GetUtcNow());

    /// <summary>What the cell shows: what was typed when a refused save shows the form again, else the stored count.</summary>
    public string CellValue(string formCode, Sex sex, AgeGroup age)
    {
        if (keepTypedInput && Request.HasFormContentType) return Request.Form[CellName(formCode, sex, age)].ToString();
        var count = Current.Application.Beneficiaries.Where(b => b.FormOfExploitationCode == formCode && b.Sex == sex && b.AgeGroup == age)
            .Sum(b => (long)b.Count);
        return count == 0 ? "" : count.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!Steps.Contains(Step)) return NotFound();
        await Load(id, ct, fillForms: true);
        if (!Current.Application.IsEditable) return Redirect($"/apply/{id}/view");
        return Page();
    }

    /// <summary>Saves the step and goes where the person asked: next, previous or a named step.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? go, CancellationToken ct)
    {
        keepTypedInput = true;
        var command = await CommandForStep(id, ct);
        // A value that could not be read ("abc" for an amount, an unknown category) is refused with its message, never zeroed.
        if (!ModelState.IsValid) return Page();
        await mediator.Send(command, ct);
        TempData["Message"] = text["Saved."].Value;
        // Say it where it happens: a budget outside the call's limits is shown on the budget step now, not on the review step.
        if (Step == "budget" && go == "next" && await BudgetHasProblems(id, ct)) return Redirect($"/apply/{id}/budget");
        var index = Array.IndexOf(Steps, Step);
        var target = go switch
        {
            "previous" => Steps[Math.Max(0, index - 1)],
            "next" => Steps[Math.Min(Steps.Length - 1, index + 1)],
            { } named when Steps.Contains(named) => named,
            _ => Step,
        };
        return Redirect($"/apply/{id}/{target}");
    }

    /// <summary>The 30-second autosave: same save, answered in JSON so the page stays where it is.</summary>
    public Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct) =>
        AutosaveResult.Of(async () =>
        {
            var command = await CommandForStep(id, ct);
            if (!ModelState.IsValid) throw AutosaveResult.Refusal(ModelState);
            var saved = await mediator.Send(command, ct);
            return (saved.Version, saved.SavedAt);
        }, text);

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Choose a file to attach."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        await mediator.Send(new UploadAttachment.Command(id, UploadType, Upload.FileName, buffer.ToArray()), ct);
        TempData["Message"] = text["The file is attached."].Value;
        return Redirect($"/apply/{id}/attachments");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        await mediator.Send(new RemoveAttachment.Command(id, attachmentId), ct);
        TempData["Message"] = text["The file is removed."].Value;
        return Redirect($"/apply/{id}/attachments");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new SubmitApplication.Command(id), ct);
        return Redirect($"/apply/{id}/view?submitted=1");
    }

    private async Task<SaveDraft.Command> CommandForStep(Guid id, CancellationToken ct) => Step switch
    {
        "organisation" => new SaveDraft.Command(id, Version) { Organisation = Organisation.ToSection() },
        "project" => new SaveDraft.Command(id, Version) { Project = Project },
        "beneficiaries" => new SaveDraft.Command(id, Version) { Beneficiaries = await BeneficiariesFromForm(ct) },
        // Every line is sent, empty ones too (the draft drops them), so that a message about line i lands on line i.
        "budget" => new SaveDraft.Command(id, Version)
        {
            Budget = Budget.Select(l => new BudgetLine(l.Category, l.Description?.Trim() ?? "", l.Amount ?? 0)).ToList(),
        },
        "declaration" => new SaveDraft.Command(id, Version) { Declaration = Declaration },
        _ => new SaveDraft.Command(id, Version),
    };

    /// <summary>
    /// Beneficiary counts come as fields named B.{form}.{sex}.{age}: one number per cell of the grid. A cell that is not a
    /// whole number from 0 to 1,000,000 ("abc", "-3", 99999999999) is refused at that cell, named by its row and column.
    /// </summary>
    private async Task<List<BeneficiaryTarget>> BeneficiariesFromForm(CancellationToken ct)
    {
        var targets = new List<BeneficiaryTarget>();
        var refused = new List<(string Key, string FormCode, string Column)>();
        foreach (var (key, value) in Request.Form)
        {
            var parts = key.Split('.');
            if (parts.Length != 4 || parts[0] != "B") continue;
            var cell = Cells.FirstOrDefault(c => c.Sex.ToString() == parts[2] && c.Age.ToString() == parts[3]);
            if (cell.Label is null) continue;
            var typed = value.ToString().Trim();
            if (typed.Length == 0) continue;
            if (!int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || !InputLimits.IsPeopleCount(count))
                refused.Add((key, parts[1], cell.Label));
            else if (count != 0) targets.Add(new BeneficiaryTarget(cell.Sex, cell.Age, parts[1], count));
        }
        if (refused.Count > 0)
        {
            var forms = await db.FormsOfExploitation.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name.For(Display.Language), ct);
            foreach (var (key, formCode, column) in refused)
                ModelState.AddModelError(key, text["{0}, {1}: enter a whole number of people from 0 to 1,000,000.",
                    forms.GetValueOrDefault(formCode, formCode), text[column].Value]);
        }
        return targets;
    }

    private async Task<bool> BudgetHasProblems(Guid id, CancellationToken ct)
    {
        var saved = await mediator.Send(new GetApplication.Query(id), ct);
        return saved.Application.Budget.Count > 0 && saved.Problems.Any(p => p.Field == "Budget");
    }

    /// <summary>
    /// Posts load the draft only when the page has to be shown again (a refused save, upload or submission, turned
    /// into Page() by the handler or by UseCaseExceptionFilter, which runs inside this filter): a post that succeeds
    /// redirects, and loading the whole draft first would double the database work of every save in a deadline rush.
    /// The use cases check access themselves, so skipping the load weakens nothing.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && Current is null && context.HandlerArguments.TryGetValue("id", out var id) && id is Guid applicationId)
            await Load(applicationId, context.HttpContext.RequestAborted, fillForms: !keepTypedInput);
    }

    // A refused step save shows the form again with what the person typed, not what is stored.
    private bool keepTypedInput;

    private async Task Load(Guid id, CancellationToken ct, bool fillForms)
    {
        Current = await mediator.Send(new GetApplication.Query(id), ct);
        // Reference lists only for the steps that show them (countries are cached per language anyway).
        if (Step is "organisation" or "project" or "review") Countries = await countryOptions.ForLanguage(Display.Language, ct);
        if (Step == "beneficiaries")
            Forms = (await db.FormsOfExploitation.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
                .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
        if (!fillForms) return;
        var a = Current.Application;
        Version = Current.Version;
        Organisation = OrganisationProfileForm.From(a.Organisation);
        Project = a.Project;
        Budget = a.Budget.Select(l => new BudgetLineInput { Category = l.Category, Description = l.Description, Amount = l.Amount }).ToList();
        Declaration = a.Declaration;
    }
}
