using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using TrustFund.Application.Auditing;
using TrustFund.Application.Identity;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Pages.Account;

/// <summary>
/// Sets up an authenticator app (TOTP): scan the code or type the key, confirm with one code, keep the recovery codes.
/// Two forms (turn on, new recovery codes), each its own handler (see FormPage): the key and QR code are loaded only to
/// show the page, after the handler, so a refused code shows the same key again.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditContext audit) : FormPage
{
    public sealed class EnableForm
    {
        public string? Code { get; set; }
    }

    public bool IsEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (RecoveryCodes.Count > 0) return; // the codes just made are the whole page
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page is for signed-in people only.");
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

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(EnableForm enable)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (enable.Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0) ModelState.AddModelError(nameof(EnableForm.Code), Text("Enter the 6-digit code shown by your app."));
        if (!ModelState.IsValid) return Page();

        audit.Action = "EnableTwoFactor";
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(EnableForm.Code), Text("That code is not right. Codes change every 30 seconds: try the current one."));
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // The cookie says whether 2FA is on; refresh it so the staff pages open straight away.
        await signIn.RefreshSignInAsync(user);
        IsEnabled = true;
        // The codes are on this response only: keep them out of every cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>New recovery codes replace all the old ones (lost, used up, or seen by someone else).</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Page();
        audit.Action = "RegenerateRecoveryCodes";
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        IsEnabled = true;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
