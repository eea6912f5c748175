using TrustFund.Domain.Common;

namespace TrustFund.Domain.Donors;

/// <summary>A government, company, foundation or person that contributes to the fund.</summary>
public sealed class Donor : Entity
{
    private Donor() { }

    public Donor(string name, DonorKind kind, string? countryIso2) => Edit(name, kind, countryIso2);

    public string Name { get; private set; } = "";
    public DonorKind Kind { get; private set; }

    /// <summary>Required for a Member State (it is the state); for others, where they are based, when it matters.</summary>
    public string? CountryIso2 { get; private set; }

    /// <summary>The language the donor's statements are issued in (en, fr, es).</summary>
    public string Language { get; private set; } = "en";

    public void Edit(string name, DonorKind kind, string? countryIso2)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("The donor's name is required.");
        if (!Enum.IsDefined(kind)) throw new DomainException("Choose the kind of donor.");
        var country = string.IsNullOrWhiteSpace(countryIso2) ? null : countryIso2.Trim().ToUpperInvariant();
        if (kind == DonorKind.MemberState && country is null) throw new DomainException("A Member State donor needs its country.");
        Name = name.Trim();
        Kind = kind;
        CountryIso2 = country;
    }

    public void IssueDocumentsIn(string language)
    {
        if (!LocalizedText.Languages.Contains(language)) throw new DomainException("Choose English, French or Spanish.");
        Language = language;
    }
}

public enum DonorKind
{
    MemberState,
    PrivateSector,
    Foundation,
    Individual,
}
