using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Email;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Mail;

/// <summary>Mail the server refused for good or could not deliver in three days, each with a form to send it again (see FormPage).</summary>
public sealed class IndexModel(IMediator mediator) : FormPage
{
    public IReadOnlyList<ListUndeliveredMail.Item> Mail { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Mail = await mediator.Send(new ListUndeliveredMail.Query(), ct);

    public Task OnGetAsync(CancellationToken ct) => EnsureLoadedAsync(ct);

    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct) =>
        Send(new ResendMail.Command(id), "The mail will be sent again in a moment.", "/admin/mail", ct);
}
