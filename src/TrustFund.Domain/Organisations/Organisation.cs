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

    /// <summary>The language the NGO chose when it registered (en, fr or es): what its first administrator reads.</summary>
    public string Language { get; private set; } = "en";
    public DateTimeOffset CreatedAt { get; private set; }
    public OrganisationProfile Profile { get; private set; } = new();

    public void UpdateProfile(string legalName, string countryIso2, OrganisationProfile profile)
    {
        if (string.IsNullOrWhiteSpace(legalName)) throw new DomainException("The organisation's legal name is required.");
        if (profile.YearsOfDirectAssistance is < 0 or > 200) throw new DomainException("Enter a number of years between 0 and 200.");
        if (!InputLimits.IsInDateWindow(profile.RegistrationDate))
            throw new DomainException("Enter a date between 1 January 1900 and 31 December 2100.");
        LegalName = legalName.Trim();
        CountryIso2 = countryIso2;
        Profile = profile;
    }

    public void CorrespondIn(string language)
    {
        if (!LocalizedText.Languages.Contains(language)) throw new DomainException("Choose English, French or Spanish.");
        Language = language;
    }
}

/// <summary>What the eligibility rules and the application form need to know about an NGO (DOMAIN.md section 5).</summary>
public sealed record OrganisationProfile
{
    public string? RegistrationNumber { get; init; }
    public DateOnly? RegistrationDate { get; init; }
    public string? UnppPartnerId { get; init; }
    public int YearsOfDirectAssistance { get; init; }
    public bool IsNonProfit { get; init; }
    public bool HasPseaPolicy { get; init; }
    public bool BankAccountInOrganisationName { get; init; }
    public string? BankName { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? Address { get; init; }
}
