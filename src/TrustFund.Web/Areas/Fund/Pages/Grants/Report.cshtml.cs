using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Web.Hosting;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>A grantee's report as the secretariat reads it: accept it, or send it back with what to change.</summary>
public sealed class ReportModel(IMediator mediator, CountryOptions countryOptions, TrustFundDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Comment { get; set; }

    public GetGrantReport.Result Current { get; private set; } = null!;
    /// <summary>Names of every code the narrative report may use (sexes and age groups are translated in the view).</summary>
    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantReport.Query(id), ct);
        var language = Display.Language;
        Names = (await countryOptions.ForLanguage(language, ct)).ToDictionary(c => c.Iso2, c => c.Name);
        foreach (var f in await db.FormsOfExploitation.AsNoTracking().ToListAsync(ct)) Names[f.Code] = f.Name.For(language);
        foreach (var a in await db.AssistanceTypes.AsNoTracking().ToListAsync(ct)) Names[a.Code] = a.Name.For(language);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        await mediator.Send(new AcceptGrantReport.Command(id), ct);
        TempData["Message"] = text["The report is accepted."].Value;
        return Redirect($"/fund/grants/{Current.GrantId}");
    }

    public async Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        await mediator.Send(new SendBackGrantReport.Command(id, Comment?.Trim() ?? ""), ct);
        TempData["Message"] = text["The report is sent back to the grantee."].Value;
        return Redirect($"/fund/grants/{Current.GrantId}");
    }
}
