using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CallForm Form { get; set; } = new();

    /// <summary>The version loaded with the form: saving over someone else's newer save is refused.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public string Slug { get; private set; } = "";
    public CallStatus Status { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForEditing.Query(id), ct);
        (Form, Version, Slug, Status) = (call.Form, call.Version, call.Slug, call.Status);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadHeader(id, ct);
        await mediator.Send(new EditCall.Command(id, Version, Form), ct);
        TempData["Message"] = text["Your changes are saved."].Value;
        return Redirect($"/fund/calls/{id}/edit");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForEditing.Query(id), ct);
        (Form, Version, Slug, Status) = (call.Form, call.Version, call.Slug, call.Status);
        await mediator.Send(new PublishCall.Command(id), ct);
        TempData["Message"] = text["The call is published and open for applications."].Value;
        return Redirect($"/fund/calls/{id}/edit");
    }

    private async Task LoadHeader(Guid id, CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForEditing.Query(id), ct);
        (Slug, Status) = (call.Slug, call.Status);
    }
}
