using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Grants;
using TrustFund.Domain.Grants;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>One form for both: editing a draft agreement, and amending a signed one (then with a reason).</summary>
public sealed class EditModel(IMediator mediator) : FormPage
{
    /// <summary>Empty rows offered below the existing ones, to add a budget line or an instalment without script.</summary>
    public const int SpareRows = 2;

    public sealed class BudgetRow
    {
        public string Category { get; set; } = "";
        public string? Description { get; set; }
        public decimal? Amount { get; set; }
    }

    public sealed class InstalmentRow
    {
        public decimal? Percent { get; set; }
        public InstalmentCondition Condition { get; set; }
    }

    /// <summary>The agreement form; Version is the agreement's version when the form was loaded.</summary>
    public sealed class AgreementForm
    {
        public uint Version { get; set; }
        public decimal? Amount { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public List<BudgetRow> Budget { get; set; } = [];
        public List<InstalmentRow> Instalments { get; set; } = [];
        public string? Reason { get; set; }
    }

    public AgreementForm Form { get; private set; } = new();
    public GrantAgreement Grant { get; private set; } = null!;
    private uint loadedVersion;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var current = await mediator.Send(new GetGrantAgreement.Query(RouteGuid()), ct);
        Grant = current.Grant;
        loadedVersion = current.Version;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        Form = new AgreementForm
        {
            Version = loadedVersion, Amount = Grant.Amount, StartDate = Grant.StartDate, EndDate = Grant.EndDate,
            Budget = Grant.Budget.Select(l => new BudgetRow { Category = l.Category, Description = l.Description, Amount = l.Amount }).ToList(),
            Instalments = Grant.Instalments.Select(i => new InstalmentRow { Percent = i.Percent, Condition = i.Condition }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(AgreementForm form, CancellationToken ct)
    {
        Form = form;
        if (!ModelState.IsValid) return Page();
        var id = RouteGuid();
        var budget = form.Budget.Where(r => r.Amount is not null || !string.IsNullOrWhiteSpace(r.Description))
            .Select(r => new GrantBudgetLine(r.Category, r.Description?.Trim() ?? "", r.Amount ?? 0)).ToList();
        var instalments = form.Instalments.Where(r => r.Percent is not null)
            .Select((r, index) => new Instalment(index + 1, r.Percent!.Value, r.Condition)).ToList();
        var saved = await mediator.Send(new ChangeGrantAgreement.Command(id, form.Amount ?? 0, form.StartDate ?? default, form.EndDate ?? default,
            budget, instalments, form.Reason, form.Version), ct);
        TempData["Message"] = Text(saved.Amended ? "The amendment is recorded." : "The agreement is saved.");
        return Redirect($"/fund/grants/{id}");
    }

    /// <summary>The publication form: whether the grantee's name is withheld from the public grants page and the IATI files.</summary>
    public async Task<IActionResult> OnPostPublicationAsync(Guid id, bool withholdName, CancellationToken ct)
    {
        await mediator.Send(new TrustFund.Application.Features.OpenData.SetImplementerNameWithheld.Command(id, withholdName), ct);
        TempData["Message"] = withholdName
            ? Text("The grantee's name is now withheld from everything public.")
            : Text("The grantee's name is now published.");
        return Redirect($"/fund/grants/{id}/edit");
    }
}
