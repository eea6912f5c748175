using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application;
using TrustFund.Application.Features.Board;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Board;

/// <summary>Ends a trustee's term early (see FormPage: the term is loaded to show the page, never before the command).</summary>
public sealed class EndModel(IMediator mediator) : FormPage
{
    public sealed class EndForm
    {
        public DateOnly? EndOn { get; set; }
        public string? Reason { get; set; }
    }

    public EndForm End { get; private set; } = new();
    public ListTrusteeAppointments.Item Term { get; private set; } = null!;

    private Guid Id => RouteGuid();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var list = await mediator.Send(new ListTrusteeAppointments.Query(), ct);
        Term = list.Items.FirstOrDefault(i => i.Id == Id) ?? throw new NotFoundException("appointment", Id);
        today = list.Today;
    }

    private DateOnly today;

    /// <summary>The form proposes today; a refused post shows what was typed instead.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        End = new EndForm { EndOn = today };
    }

    public async Task<IActionResult> OnPostAsync(EndForm end, CancellationToken ct)
    {
        End = end;
        if (!ModelState.IsValid) return Page();
        await mediator.Send(new EndTrusteeTerm.Command(Id, end.EndOn ?? default, end.Reason ?? ""), ct);
        // The name is read after the change, for the message only.
        var name = (await mediator.Send(new ListTrusteeAppointments.Query(), ct)).Items.Single(i => i.Id == Id).Name;
        TempData["Message"] = Text("The term of {0} is ended early.", name);
        return Redirect("/admin/board");
    }
}
