using TrustFund.Domain.Common;

namespace TrustFund.Domain.ReferenceData;

/// <summary>A UN Member State or observer state, keyed by its ISO 3166-1 alpha-2 code.</summary>
public sealed class Country
{
    private Country() { Name = null!; }

    public Country(string iso2, string iso3, LocalizedText name, UnStatus unStatus, string? regionalGroupCode)
    {
        Iso2 = iso2;
        Iso3 = iso3;
        if (Name != name) Name = name; // a new but equal instance would still be written as a change
        UnStatus = unStatus;
        RegionalGroupCode = regionalGroupCode;
    }

    public string Iso2 { get; private set; } = "";
    public string Iso3 { get; private set; } = "";
    public LocalizedText Name { get; private set; }
    public UnStatus UnStatus { get; private set; }

    /// <summary>Null for the few states that sit in no regional group (Kiribati, the Holy See).</summary>
    public string? RegionalGroupCode { get; private set; }

    public bool Update(string iso3, LocalizedText name, UnStatus unStatus, string? regionalGroupCode)
    {
        var changed = Iso3 != iso3 || Name != name || UnStatus != unStatus || RegionalGroupCode != regionalGroupCode;
        Iso3 = iso3;
        if (Name != name) Name = name; // a new but equal instance would still be written as a change
        UnStatus = unStatus;
        RegionalGroupCode = regionalGroupCode;
        return changed;
    }
}

public enum UnStatus
{
    Member,
    Observer,
}
