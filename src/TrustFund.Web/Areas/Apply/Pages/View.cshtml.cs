using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Apply.Pages;

/// <summary>
/// A submitted application as its organisation sees it: the receipt, the status history, a printable copy, and the
/// withdrawal form (see FormPage: the application is loaded to show the page, never before the withdrawal is sent).
/// </summary>
public sealed class ViewModel(IMediator mediator, CodeNames codeNames) : FormPage
{
    public sealed class WithdrawForm
    {
        public string? Reason { get; set; }
    }

    public GetApplication.Result Current { get; private set; } = null!;
    public WithdrawForm Withdraw { get; private set; } = new();

    /// <summary>The names of the countries and forms of exploitation the application gives by code, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetApplication.Query(RouteGuid()), ct);
        Names = await codeNames.ForLanguage(Display.Language, ct);
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostWithdrawAsync(WithdrawForm withdraw, CancellationToken ct)
    {
        Withdraw = withdraw;
        var id = RouteGuid();
        return await Send(new WithdrawApplication.Command(id, withdraw.Reason), "The application is withdrawn.", $"/apply/{id}/view", ct);
    }
}
