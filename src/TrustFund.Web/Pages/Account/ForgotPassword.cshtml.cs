using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustFund.Application.Features.Account;
using TrustFund.Web.Hosting;
using TrustFund.Web.Identity;

namespace TrustFund.Web.Pages.Account;

[EnableRateLimiting(WebApp.LoginRateLimit)]
public sealed class ForgotPasswordModel(IMediator mediator, SignInAttempts attempts, AuthenticationLog log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        // Also keeps anyone from filling a person's mailbox with reset links.
        if (!attempts.TryAttempt(Email))
        {
            log.Throttled("account");
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        await mediator.Send(new RequestPasswordReset.Command(Email), ct);
        Sent = true;
        return Page();
    }
}
