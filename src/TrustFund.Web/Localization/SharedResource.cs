namespace TrustFund.Web.Localization;

/// <summary>Anchor for the one translation file per language (Resources/SharedResource.fr.resx, .es.resx); English is the key.</summary>
public sealed class SharedResource;

public static class SupportedCultures
{
    public static readonly string[] All = ["en", "fr", "es"];
}
