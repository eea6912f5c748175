using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Domain.Donors;

/// <summary>Money came in against a donor's pledge: the journal books it as ContributionReceived at the receipt's rate.</summary>
public sealed record ContributionReceived(Guid DonorId, Money Deposited, DateOnly ValueDate, decimal UnitsPerUsd, JournalDocument Document)
    : IDomainEvent;

/// <summary>A receipt recorded in error was reversed: the journal cancels its entry, dated <see cref="On"/>.</summary>
public sealed record ContributionReceiptReversed(Guid ReceiptId, string Reason, DateOnly On) : IDomainEvent;
