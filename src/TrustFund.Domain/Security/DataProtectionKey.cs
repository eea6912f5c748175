namespace TrustFund.Domain.Security;

/// <summary>One ASP.NET Core data-protection key (XML), shared by every instance of the application.</summary>
public sealed class DataProtectionKey
{
    private DataProtectionKey() { }

    public DataProtectionKey(string friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";
}
