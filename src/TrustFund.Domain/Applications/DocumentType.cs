namespace TrustFund.Domain.Applications;

/// <summary>The attachments a call can require (DOMAIN.md section 5).</summary>
public enum DocumentType
{
    RegistrationCertificate,
    AuditedFinancialStatements,
    ReferenceLetter1,
    ReferenceLetter2,
    PartnerCoFundingEvidence,
    Other,
}
