using TrustFund.Domain.Common;

namespace TrustFund.Domain.Donors;

/// <summary>A government, company, foundation or person that contributes to the fund.</summary>
public sealed class Donor : Entity
{
    private Donor() { }

    public Donor(string name, DonorKind kind, string? countryIso2)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("The donor's name is required.");
        Name = name.Trim();
        Kind = kind;
        CountryIso2 = countryIso2;
    }

    public string Name { get; private set; } = "";
    public DonorKind Kind { get; private set; }
    public string? CountryIso2 { get; private set; }
}

public enum DonorKind
{
    MemberState,
    PrivateSector,
    Foundation,
    Individual,
}
