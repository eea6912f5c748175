using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>The agreement is signed: the fund obligates its amount.</summary>
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

/// <summary>An instalment's money left the fund: the journal liquidates the obligation, books the disbursement and the PSC.</summary>
public sealed record PaymentDisbursed(Guid PaymentId, Guid GrantId, int InstalmentNumber, decimal Amount, DateOnly ValueDate, string BankReference)
    : IDomainEvent;
