using TrustFund.Domain.Common;

namespace TrustFund.Domain.Organisations;

/// <summary>An NGO that applies for grants. Its users see only its own data.</summary>
public sealed class Organisation : Entity
{
    private Organisation() { }

    public Organisation(string legalName, string countryIso2, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(legalName)) throw new DomainException("The organisation's legal name is required.");
        LegalName = legalName.Trim();
        CountryIso2 = countryIso2;
        CreatedAt = now;
    }

    public string LegalName { get; private set; } = "";
    public string CountryIso2 { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
