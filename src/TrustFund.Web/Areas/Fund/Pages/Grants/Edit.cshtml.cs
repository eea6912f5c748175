using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Grants;
using TrustFund.Domain.Grants;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>One form for both: editing a draft agreement, and amending a signed one (then with a reason).</summary>
public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
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

    [BindProperty] public decimal Amount { get; set; }
    [BindProperty] public DateOnly StartDate { get; set; }
    [BindProperty] public DateOnly EndDate { get; set; }
    [BindProperty] public List<BudgetRow> Budget { get; set; } = [];
    [BindProperty] public List<InstalmentRow> Instalments { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public GrantAgreement Grant { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Grant = (await mediator.Send(new GetGrantAgreement.Query(id), ct)).Grant;
        Amount = Grant.Amount;
        StartDate = Grant.StartDate;
        EndDate = Grant.EndDate;
        Budget = Grant.Budget.Select(l => new BudgetRow { Category = l.Category, Description = l.Description, Amount = l.Amount }).ToList();
        Instalments = Grant.Instalments.Select(i => new InstalmentRow { Percent = i.Percent, Condition = i.Condition }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Grant = (await mediator.Send(new GetGrantAgreement.Query(id), ct)).Grant;
        var budget = Budget.Where(r => r.Amount is not null || !string.IsNullOrWhiteSpace(r.Description))
            .Select(r => new GrantBudgetLine(r.Category, r.Description?.Trim() ?? "", r.Amount ?? 0)).ToList();
        var instalments = Instalments.Where(r => r.Percent is not null)
            .Select((r, index) => new Instalment(index + 1, r.Percent!.Value, r.Condition)).ToList();
        await mediator.Send(new ChangeGrantAgreement.Command(id, Amount, StartDate, EndDate, budget, instalments, Reason), ct);
        TempData["Message"] = Grant.IsSigned ? text["The amendment is recorded."].Value : text["The agreement is saved."].Value;
        return Redirect($"/fund/grants/{id}");
    }

    /// <summary>The publication form: whether the grantee's name is withheld from the public grants page and the IATI files.</summary>
    public async Task<IActionResult> OnPostPublicationAsync(Guid id, bool withholdName, CancellationToken ct)
    {
        await mediator.Send(new TrustFund.Application.Features.OpenData.SetImplementerNameWithheld.Command(id, withholdName), ct);
        TempData["Message"] = withholdName
            ? text["The grantee's name is now withheld from everything public."].Value
            : text["The grantee's name is now published."].Value;
        return Redirect($"/fund/grants/{id}/edit");
    }
}
