using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustFund.Application.Features.Account;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Account;

[EnableRateLimiting(WebApp.LoginRateLimit)]
public sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var resetPage = $"{Request.Scheme}://{Request.Host}/account/reset-password";
        await mediator.Send(new RequestPasswordReset.Command(Email, resetPage), ct);
        Sent = true;
        return Page();
    }
}
