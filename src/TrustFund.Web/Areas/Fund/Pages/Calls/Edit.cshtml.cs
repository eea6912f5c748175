using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Domain.Calls;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Calls;

/// <summary>A call's edit form and its publication, two forms posting to their own handlers (see FormPage).</summary>
public sealed class EditModel(IMediator mediator) : FormPage
{
    public CallForm Form { get; private set; } = new();

    /// <summary>The version loaded with the form: saving over someone else's newer save is refused.</summary>
    public uint Version { get; private set; }

    public string Slug { get; private set; } = "";
    public CallStatus Status { get; private set; }

    // A refused save shows the call as the manager typed it, not as it is stored.
    private bool keepTypedForm;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForEditing.Query(RouteGuid()), ct);
        (Slug, Status) = (call.Slug, call.Status);
        if (!keepTypedForm) (Form, Version) = (call.Form, call.Version);
        ViewData["RegionalGroups"] = await mediator.Send(new ListRegionalGroups.Query(), ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostAsync(Guid id, [Bind(Prefix = "Form")] CallForm form, uint version, CancellationToken ct)
    {
        (Form, Version, keepTypedForm) = (form, version, true);
        return Send(new EditCall.Command(id, version, form), "Your changes are saved.", $"/fund/calls/{id}/edit", ct);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        Send(new PublishCall.Command(id), "The call is published and open for applications.", $"/fund/calls/{id}/edit", ct);
}
