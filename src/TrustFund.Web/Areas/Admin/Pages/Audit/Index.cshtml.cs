using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustFund.Application.Features.Audit;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Admin.Pages.Audit;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindPageNumber] public int PageNumber { get; set; } = 1;

    public ListAuditEntries.Result Result { get; private set; } = new([], 1, 0, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Dates are whole UTC days; "to" includes the day it names. The calendar's last day (9999-12-31, typed in the
        // address) has no day after it, so it bounds nothing.
        DateTimeOffset? from = From is { } f ? new DateTimeOffset(f.Date, TimeSpan.Zero) : null;
        DateTimeOffset? to = To is { } t && t.Date < DateTime.MaxValue.Date ? new DateTimeOffset(t.Date.AddDays(1), TimeSpan.Zero) : null;
        Result = await mediator.Send(new ListAuditEntries.Query(EntityType, EntityId, UserName, null, from, to, PageNumber), ct);
    }

    public string PageLink(int page) =>
        $"?entityType={Uri.EscapeDataString(EntityType ?? "")}&entityId={Uri.EscapeDataString(EntityId ?? "")}&userName={Uri.EscapeDataString(UserName ?? "")}" +
        $"&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&pageNumber={page}";
}
