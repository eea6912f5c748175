using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Grants;

/// <summary>
/// A grantee's report as the secretariat reads it: accept it, or send it back with what to change. Each form posts to
/// its own handler (see FormPage): the report is loaded only to show the page, never before a command.
/// </summary>
public sealed class ReportModel(IMediator mediator, CodeNames codeNames, TrustFundDbContext db) : FormPage
{
    public sealed class SendBackForm
    {
        public string? Comment { get; set; }
    }

    public SendBackForm SendBack { get; private set; } = new();

    public GetGrantReport.Result Current { get; private set; } = null!;
    /// <summary>Names of every code the narrative report may use (sexes and age groups are translated in the view).</summary>
    public Dictionary<string, string> Names { get; private set; } = [];

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetGrantReport.Query(Id), ct);
        Names = await codeNames.ForLanguage(Display.Language, ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        await Send(new AcceptGrantReport.Command(Id), "The report is accepted.", await GrantPage(ct), ct);

    public async Task<IActionResult> OnPostSendBackAsync(SendBackForm sendBack, CancellationToken ct)
    {
        SendBack = sendBack;
        return await Send(new SendBackGrantReport.Command(Id, sendBack.Comment?.Trim() ?? ""), "The report is sent back to the grantee.", await GrantPage(ct), ct);
    }

    /// <summary>Where a decided report leads back to: its grant (an unknown report is the command's 404).</summary>
    private async Task<string> GrantPage(CancellationToken ct) =>
        await db.GrantReports.AsNoTracking().Where(r => r.Id == Id).Select(r => (Guid?)r.GrantId).SingleOrDefaultAsync(ct) is { } grantId
            ? $"/fund/grants/{grantId}" : "/fund/grants";
}
