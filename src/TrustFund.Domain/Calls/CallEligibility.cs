using TrustFund.Domain.Applications;

namespace TrustFund.Domain.Calls;

/// <summary>
/// The eligibility thresholds of one call (DOMAIN.md section 5; recent calls ask two years of assistance).
/// A null cut-off means the call's deadline date.
/// </summary>
public sealed record CallEligibility
{
    public int MinYearsRegistered { get; init; } = 1;
    public DateOnly? RegistrationCutOff { get; init; }
    public int MinYearsOfAssistance { get; init; } = 1;
    public decimal MaxIndirectCostShare { get; init; } = 0.07m;
    public List<DocumentType> RequiredDocuments { get; init; } =
        [DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements, DocumentType.ReferenceLetter1, DocumentType.ReferenceLetter2];

    /// <summary>
    /// The UN regional groups (codes) whose organisations may apply; with <see cref="OpenToCountries"/>, a call for some
    /// regions only, as the fund's special windows have been. Both empty: open to organisations from everywhere.
    /// </summary>
    public List<string> OpenToRegionalGroups { get; init; } = [];

    /// <summary>Countries (ISO 3166 alpha-2) whose organisations may apply, besides those of <see cref="OpenToRegionalGroups"/>.</summary>
    public List<string> OpenToCountries { get; init; } = [];

    public bool IsRestrictedByRegion => OpenToRegionalGroups.Count > 0 || OpenToCountries.Count > 0;

    /// <summary>Whether an organisation registered in this country (of this regional group, if any) may apply.</summary>
    public bool Admits(string countryIso2, string? regionalGroupCode) =>
        !IsRestrictedByRegion || OpenToCountries.Contains(countryIso2)
        || (regionalGroupCode is not null && OpenToRegionalGroups.Contains(regionalGroupCode));
}
