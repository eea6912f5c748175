using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Features.Organisations;

/// <summary>The organisation's profile as its administrator edits it.</summary>
public sealed record OrganisationProfileForm
{
    public string LegalName { get; init; } = "";
    public string CountryIso2 { get; init; } = "";
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

    public OrganisationProfile ToProfile() => new()
    {
        RegistrationNumber = RegistrationNumber?.Trim(), RegistrationDate = RegistrationDate, UnppPartnerId = UnppPartnerId?.Trim(),
        YearsOfDirectAssistance = YearsOfDirectAssistance, IsNonProfit = IsNonProfit, HasPseaPolicy = HasPseaPolicy,
        BankAccountInOrganisationName = BankAccountInOrganisationName, BankName = BankName?.Trim(), ContactName = ContactName?.Trim(),
        ContactEmail = ContactEmail?.Trim(), ContactPhone = ContactPhone?.Trim(), Address = Address?.Trim(),
    };

    /// <summary>Step 1 of an application uses the same fields, as the organisation presents itself in that application.</summary>
    public OrganisationSection ToSection() => new()
    {
        LegalName = LegalName.Trim(), CountryIso2 = CountryIso2, RegistrationNumber = RegistrationNumber?.Trim(),
        RegistrationDate = RegistrationDate, UnppPartnerId = UnppPartnerId?.Trim(), YearsOfDirectAssistance = YearsOfDirectAssistance,
        IsNonProfit = IsNonProfit, HasPseaPolicy = HasPseaPolicy, BankAccountInOrganisationName = BankAccountInOrganisationName,
        ContactName = ContactName?.Trim(), ContactEmail = ContactEmail?.Trim(),
    };

    public static OrganisationProfileForm From(OrganisationSection s) => new()
    {
        LegalName = s.LegalName, CountryIso2 = s.CountryIso2, RegistrationNumber = s.RegistrationNumber, RegistrationDate = s.RegistrationDate,
        UnppPartnerId = s.UnppPartnerId, YearsOfDirectAssistance = s.YearsOfDirectAssistance, IsNonProfit = s.IsNonProfit,
        HasPseaPolicy = s.HasPseaPolicy, BankAccountInOrganisationName = s.BankAccountInOrganisationName,
        ContactName = s.ContactName, ContactEmail = s.ContactEmail,
    };

    public static OrganisationProfileForm From(Organisation o) => new()
    {
        LegalName = o.LegalName, CountryIso2 = o.CountryIso2, RegistrationNumber = o.Profile.RegistrationNumber,
        RegistrationDate = o.Profile.RegistrationDate, UnppPartnerId = o.Profile.UnppPartnerId,
        YearsOfDirectAssistance = o.Profile.YearsOfDirectAssistance, IsNonProfit = o.Profile.IsNonProfit,
        HasPseaPolicy = o.Profile.HasPseaPolicy, BankAccountInOrganisationName = o.Profile.BankAccountInOrganisationName,
        BankName = o.Profile.BankName, ContactName = o.Profile.ContactName, ContactEmail = o.Profile.ContactEmail,
        ContactPhone = o.Profile.ContactPhone, Address = o.Profile.Address,
    };
}
