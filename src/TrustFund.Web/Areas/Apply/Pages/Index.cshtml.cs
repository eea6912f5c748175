using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Grants;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// The NGO's home: its grant reports still to hand in, its applications, and the calls it can apply to. A page without
/// a form: "Apply to this call" leads to the eligibility questions (Start), which start the draft.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMyApplications.Item> Applications { get; private set; } = [];
    public IReadOnlyList<ListOpenCalls.Item> OpenCalls { get; private set; } = [];
    public IReadOnlyList<ListMyGrantReports.Item> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Applications = await mediator.Send(new ListMyApplications.Query(), ct);
        OpenCalls = await mediator.Send(new ListOpenCalls.Query(), ct);
        Reports = await mediator.Send(new ListMyGrantReports.Query(), ct);
    }
}
