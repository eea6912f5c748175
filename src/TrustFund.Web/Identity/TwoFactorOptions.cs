namespace TrustFund.Web.Identity;

/// <summary>The "Security" settings about the second factor.</summary>
public sealed class TwoFactorOptions
{
    /// <summary>Trustees, fund managers, finance officers and administrators must use an authenticator app.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Lets the seeded demo accounts skip 2FA. Honoured in Development only, whatever it is set to elsewhere.</summary>
    public bool ExemptDemoAccountsFromTwoFactor { get; set; }
}
