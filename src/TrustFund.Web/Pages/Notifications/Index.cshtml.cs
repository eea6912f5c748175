using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Notifications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Notifications;

/// <summary>The person's notifications, newest first, with "mark all as read" (see FormPage: the list is loaded only to show the page).</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : FormPage
{
    [BindPageNumber] public int PageNumber { get; set; } = 1;
    public ListMyNotifications.Result Result { get; private set; } = new([], 1, 0, 0);

    // In the page's language: someone who changed theirs reads their older notifications in the new one too.
    protected override async Task LoadAsync(CancellationToken ct) =>
        Result = await mediator.Send(new ListMyNotifications.Query(PageNumber, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);

    public void OnGet() { }

    public Task<IActionResult> OnPostReadAsync(CancellationToken ct) =>
        Send(new MarkNotificationsRead.Command(), "Your notifications are marked as read.", "/notifications", ct);
}
