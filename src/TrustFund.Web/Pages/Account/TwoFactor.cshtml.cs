using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Pages.Account;

/// <summary>Sets up an authenticator app (TOTP): scan the code or type the key, confirm with one code, keep the recovery codes.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditContext audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public bool IsEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code shown by your app.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) { await Load(user); return Page(); }

        audit.Action = "EnableTwoFactor";
        var code = Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), text["That code is not right. Codes change every 30 seconds: try the current one."]);
            await Load(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // The cookie says whether 2FA is on; refresh it so the staff pages open straight away.
        await signIn.RefreshSignInAsync(user);
        IsEnabled = true;
        return Page();
    }

    /// <summary>New recovery codes replace all the old ones (lost, used up, or seen by someone else).</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        IsEnabled = user.TwoFactorEnabled;
        if (!IsEnabled) { await Load(user); return Page(); }
        audit.Action = "RegenerateRecoveryCodes";
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // The codes are on this response only: keep them out of every cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task Load(ApplicationUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        if (IsEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("TrustFund")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=TrustFund&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
