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
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// The application form, one step per page. Moving on saves the step on the server; the page also autosaves
/// every 30 seconds when JavaScript runs, and works fully without it.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxFileBytes + 1024 * 1024)]
[RequestSizeLimit(Attachment.MaxFileBytes + 1024 * 1024)]
public sealed class StepModel(IMediator mediator, CountryOptions countryOptions, TrustFundDbContext db, IStringLocalizer<SharedResource> text) : PageModel
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

    public sealed record BudgetLineInput(BudgetCategory Category, string? Description, decimal? Amount);

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
        await mediator.Send(CommandForStep(id), ct);
        var index = Array.IndexOf(Steps, Step);
        var target = go switch
        {
            "previous" => Steps[Math.Max(0, index - 1)],
            "next" => Steps[Math.Min(Steps.Length - 1, index + 1)],
            { } named when Steps.Contains(named) => named,
            _ => Step,
        };
        TempData["Message"] = text["Saved."].Value;
        return Redirect($"/apply/{id}/{target}");
    }

    /// <summary>The 30-second autosave: same save, answered in JSON so the page stays where it is.</summary>
    public Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct) =>
        AutosaveResult.Of(async () =>
        {
            var saved = await mediator.Send(CommandForStep(id), ct);
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

    private SaveDraft.Command CommandForStep(Guid id) => Step switch
    {
        "organisation" => new SaveDraft.Command(id, Version) { Organisation = Organisation.ToSection() },
        "project" => new SaveDraft.Command(id, Version) { Project = Project },
        "beneficiaries" => new SaveDraft.Command(id, Version) { Beneficiaries = BeneficiariesFromForm() },
        "budget" => new SaveDraft.Command(id, Version)
        {
            Budget = Budget.Where(l => l.Amount is not null || !string.IsNullOrWhiteSpace(l.Description))
                .Select(l => new BudgetLine(l.Category, l.Description?.Trim() ?? "", l.Amount ?? 0)).ToList(),
        },
        "declaration" => new SaveDraft.Command(id, Version) { Declaration = Declaration },
        _ => new SaveDraft.Command(id, Version),
    };

    /// <summary>Beneficiary counts come as fields named B.{form}.{sex}.{age}: one number per cell of the grid.</summary>
    private List<BeneficiaryTarget> BeneficiariesFromForm()
    {
        var targets = new List<BeneficiaryTarget>();
        foreach (var (key, value) in Request.Form)
        {
            var parts = key.Split('.');
            if (parts.Length != 4 || parts[0] != "B") continue;
            if (!Enum.TryParse<Sex>(parts[2], out var sex) || !Enum.TryParse<AgeGroup>(parts[3], out var age)) continue;
            if (!int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count == 0) continue;
            targets.Add(new BeneficiaryTarget(sex, age, parts[1], count));
        }
        return targets;
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
        if (Step is "organisation" or "project") Countries = await countryOptions.ForLanguage(Display.Language, ct);
        if (Step == "beneficiaries")
            Forms = (await db.FormsOfExploitation.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct))
                .Select(f => (f.Code, f.Name.For(Display.Language))).ToList();
        if (!fillForms) return;
        var a = Current.Application;
        Version = Current.Version;
        Organisation = OrganisationProfileForm.From(a.Organisation);
        Project = a.Project;
        Budget = a.Budget.Select(l => new BudgetLineInput(l.Category, l.Description, l.Amount)).ToList();
        Declaration = a.Declaration;
    }
}
