using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Review;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Review.Pages;

/// <summary>A reviewer's declared ties with organisations, and the form to declare one (see FormPage).</summary>
public sealed class AffiliationsModel(IMediator mediator) : FormPage
{
    public sealed class DeclareForm
    {
        public Guid? OrganisationId { get; set; }
        public string? Description { get; set; }
    }

    public ListMyAffiliations.Result Current { get; private set; } = null!;
    public DeclareForm Declare { get; private set; } = new();

    protected override async Task LoadAsync(CancellationToken ct) => Current = await mediator.Send(new ListMyAffiliations.Query(), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostAsync(DeclareForm declare, CancellationToken ct)
    {
        Declare = declare;
        return Send(new DeclareAffiliation.Command(declare.OrganisationId ?? Guid.Empty, declare.Description ?? ""),
            "The affiliation is declared.", "/review/affiliations", ct);
    }
}
