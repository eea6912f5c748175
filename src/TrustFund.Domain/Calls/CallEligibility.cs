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
}
