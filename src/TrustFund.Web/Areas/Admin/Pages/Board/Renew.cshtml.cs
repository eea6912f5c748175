using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application;
using TrustFund.Application.Features.Board;
using TrustFund.Domain.Board;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

/// <summary>Renews a trustee for a second and last term (see FormPage: the term is loaded to show the page, never before the command).</summary>
public sealed class RenewModel(IMediator mediator) : FormPage
{
    public sealed class RenewForm
    {
        public DateOnly? TermEnd { get; set; }
    }

    public RenewForm Renewal { get; private set; } = new();
    public ListTrusteeAppointments.Item Term { get; private set; } = null!;
    public DateOnly SecondTermStart => Term.TermEnd;
    public DateOnly DefaultEnd => Term.TermEnd.AddYears(TrusteeAppointment.TermYears);

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct) =>
        Term = (await mediator.Send(new ListTrusteeAppointments.Query(), ct)).Items.FirstOrDefault(i => i.Id == Id)
            ?? throw new NotFoundException("appointment", Id);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public async Task<IActionResult> OnPostAsync(RenewForm renewal, CancellationToken ct)
    {
        Renewal = renewal;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new RenewTrusteeTerm.Command(Id, renewal.TermEnd), ct);
        // The name is read after the change, for the message only.
        var name = (await mediator.Send(new ListTrusteeAppointments.Query(), ct)).Items.Single(i => i.Id == Id).Name;
        TempData["Message"] = Text("The term of {0} is renewed for a second term.", name);
        return Redirect("/admin/board");
    }
}
