using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Home;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Pages.Home;

/// <summary>
/// Where a signed-in person lands: what waits for them now, one section per role they hold (someone with several
/// roles sees each), each list with its count and links to the pages where the work is done.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetFundManagerHome.Result? FundManager { get; private set; }
    public GetTrusteeHome.Result? Trustee { get; private set; }
    public GetPaymentOfficerHome.Result? PaymentOfficer { get; private set; }
    public GetAdminHome.Result? Admin { get; private set; }
    public GetApplicantHome.Result? Applicant { get; private set; }

    public bool IsDonor => User.IsInRole(Roles.Donor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Applicant)) Applicant = await mediator.Send(new GetApplicantHome.Query(), ct);
        if (User.IsInRole(Roles.FundManager)) FundManager = await mediator.Send(new GetFundManagerHome.Query(), ct);
        if (User.IsInRole(Roles.Trustee)) Trustee = await mediator.Send(new GetTrusteeHome.Query(), ct);
        if (User.IsInRole(Roles.CertifyingOfficer) || User.IsInRole(Roles.ApprovingOfficer))
            PaymentOfficer = await mediator.Send(new GetPaymentOfficerHome.Query(), ct);
        if (User.IsInRole(Roles.Admin)) Admin = await mediator.Send(new GetAdminHome.Query(), ct);
    }
}

/// <summary>
/// One list on the home page: its heading, what appears there when it is empty, and where each item and the whole list
/// lead. <c>Text</c> names an item when its title alone would not (the NGO's own name on each of its reports);
/// <c>Due</c> says what its date is ("due", "the term ends", "the board meets"), given the date as the reader reads it.
/// </summary>
public sealed record WorkSection(string Id, string Heading, string WhenEmpty, WorkList List, Func<WorkItem, string?> Link,
    string? AllLink = null, Func<WorkItem, string>? Text = null, Func<string, string>? Due = null);
