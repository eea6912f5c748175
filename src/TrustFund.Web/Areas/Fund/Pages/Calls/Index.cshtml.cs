using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

/// <summary>
/// The calls with their next step (publish a draft; start the review, mark decided, archive). Each row's button is its
/// own small form naming the call and the step in its address; the list is loaded only to show the page (see FormPage),
/// so a step that cannot be read ("to=Explode") is refused rather than taken as the first step.
/// </summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public CallStatus? Status { get; set; }

    public IReadOnlyList<ListCallsForManagement.Item> Calls { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Calls = await mediator.Send(new ListCallsForManagement.Query(Status), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, MoveCallAlong.Step to, CancellationToken ct) =>
        Send(new MoveCallAlong.Command(id, to), "The call has moved to its next stage.", "/fund/calls", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        Send(new PublishCall.Command(id), "The call is published and open for applications.", "/fund/calls", ct);
}
