using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>The agreement is signed: the fund obligates its amount.</summary>
public sealed record GrantAgreementSigned(Guid GrantId, decimal Amount) : IDomainEvent;

/// <summary>The grantee paid back the unspent balance.</summary>
public sealed record GrantRefundRecorded(Guid GrantId, decimal Amount, DateOnly ValueDate, string BankReference) : IDomainEvent;

/// <summary>The grant is closed: what is still obligated and was never paid is released, as of <see cref="On"/>.</summary>
public sealed record GrantClosed(Guid GrantId, DateOnly On) : IDomainEvent;

/// <summary>An instalment's money left the fund: the journal liquidates the obligation, books the disbursement and the PSC.</summary>
public sealed record PaymentDisbursed(Guid PaymentId, Guid GrantId, int InstalmentNumber, decimal Amount, DateOnly ValueDate, string BankReference)
    : IDomainEvent;
