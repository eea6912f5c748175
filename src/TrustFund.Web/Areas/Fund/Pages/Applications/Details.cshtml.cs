using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Applications;

/// <summary>One application for the secretariat: the automatic eligibility checks and the decision on eligibility.</summary>
public sealed class DetailsModel(IMediator mediator, CodeNames codeNames) : FormPage
{
    public GetApplication.Result Current { get; private set; } = null!;

    public sealed class EligibilityForm
    {
        public bool Eligible { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>What was posted, shown again when the decision is refused; null on a fresh page.</summary>
    public EligibilityForm? Decision { get; private set; }

    /// <summary>The names of the countries and forms of exploitation the application gives by code, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetApplication.Query(RouteGuid()), ct);
        Names = await codeNames.ForLanguage(Display.Language, ct);
    }

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostAsync(EligibilityForm decision, CancellationToken ct)
    {
        Decision = decision;
        var id = RouteGuid();
        return Send(new DecideEligibility.Command(id, decision.Eligible, decision.Reason ?? ""),
            "The eligibility decision is saved; the applicant can read it.", $"/fund/applications/{id}", ct);
    }
}
