using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>The agreement is drawn up for an approved award, as a draft: the grantee is told it is ready for signature.</summary>
public sealed record GrantAgreementDrawnUp(Guid GrantId) : IDomainEvent;

/// <summary>The agreement is signed: the fund obligates its amount, and the grantee is told.</summary>
public sealed record GrantAgreementSigned(Guid GrantId, decimal Amount) : IDomainEvent;

/// <summary>
/// A signed agreement's amount was amended (<see cref="AmountChange"/> is the difference, never zero): the fund raises
/// the obligation by a rise or releases a cut, as of <see cref="On"/>.
/// </summary>
public sealed record GrantAmountAmended(Guid GrantId, int AmendmentNumber, decimal AmountChange, DateOnly On) : IDomainEvent;

/// <summary>The grantee paid back the unspent balance.</summary>
public sealed record GrantRefundRecorded(Guid GrantId, decimal Amount, DateOnly ValueDate, string BankReference) : IDomainEvent;

/// <summary>The grant is closed: what is still obligated and was never paid is released, as of <see cref="On"/>.</summary>
public sealed record GrantClosed(Guid GrantId, DateOnly On) : IDomainEvent;

/// <summary>
/// An instalment's money left the fund: the journal liquidates the obligation, books the disbursement and the PSC; the
/// grantee is told.
/// </summary>
public sealed record PaymentDisbursed(Guid PaymentId, Guid GrantId, int InstalmentNumber, decimal Amount, DateOnly ValueDate, string BankReference)
    : IDomainEvent;

/// <summary>The secretariat accepted a submitted report: the grantee is told (with the instalments the acceptance made due).</summary>
public sealed record GrantReportAccepted(Guid ReportId, Guid GrantId, GrantReportKind Kind) : IDomainEvent;

/// <summary>The secretariat sent a submitted report back with <see cref="Comment"/>, what the grantee must change.</summary>
public sealed record GrantReportSentBack(Guid ReportId, Guid GrantId, string Comment) : IDomainEvent;
