using TrustFund.Domain.Finance;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// The payment of one instalment: Requested (when the instalment falls due) → Certified (a certifying officer) →
/// Approved (an approving officer who is neither the certifier nor the requester) → Disbursed (value date and bank
/// reference). Two officers must agree before money leaves; the roles and two-factor checks are done by the use
/// cases, the separation of persons here. An instalment is held while any report of its grant is overdue.
/// </summary>
public sealed class GrantPayment : Entity
{
    private GrantPayment() { }

    public GrantPayment(Guid grantId, int instalmentNumber, decimal amount, Guid? requestedById, string requestedBy, DateTimeOffset now)
    {
        if (amount <= 0) throw new DomainException("A payment must be more than zero.");
        GrantId = grantId;
        InstalmentNumber = instalmentNumber;
        Amount = amount;
        Status = PaymentStatus.Requested;
        RequestedById = requestedById;
        RequestedBy = requestedBy;
        RequestedAt = now;
    }

    public Guid GrantId { get; private set; }
    public int InstalmentNumber { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentStatus Status { get; private set; }
    public Guid? RequestedById { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? CertifiedById { get; private set; }
    public string? CertifiedBy { get; private set; }
    public DateTimeOffset? CertifiedAt { get; private set; }
    public Guid? ApprovedById { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? DisbursedBy { get; private set; }
    public DateTimeOffset? DisbursedAt { get; private set; }
    public DateOnly? ValueDate { get; private set; }
    public string? BankReference { get; private set; }

    public void Certify(Guid officerId, string officer, GrantReport? overdueReport, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Requested) throw new DomainException("Only a requested payment can be certified.");
        EnsureNotHeld(overdueReport);
        CertifiedById = officerId;
        CertifiedBy = officer;
        CertifiedAt = now;
        Status = PaymentStatus.Certified;
    }

    public void Approve(Guid officerId, string officer, GrantReport? overdueReport, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Certified) throw new DomainException("Only a certified payment can be approved.");
        if (officerId == CertifiedById) throw new DomainException("You certified this payment: another officer must approve it.");
        if (officerId == RequestedById) throw new DomainException("You requested this payment: another officer must approve it.");
        EnsureNotHeld(overdueReport);
        ApprovedById = officerId;
        ApprovedBy = officer;
        ApprovedAt = now;
        Status = PaymentStatus.Approved;
    }

    /// <summary>
    /// Records the money leaving and raises <see cref="PaymentDisbursed"/>, whose handlers book the liquidation, the
    /// disbursement and the PSC, and tell the grantee, in the same transaction.
    /// </summary>
    public void Disburse(DateOnly valueDate, string bankReference, decimal remainingObligation, GrantReport? overdueReport, string officer, DateTimeOffset now)
    {
        if (Status == PaymentStatus.Disbursed) throw new DomainException("This payment has already been disbursed.");
        if (Status != PaymentStatus.Approved) throw new DomainException("Only an approved payment can be disbursed.");
        if (string.IsNullOrWhiteSpace(bankReference)) throw new DomainException("Enter the bank reference of the transfer.");
        if (Amount > remainingObligation)
            throw new DomainException("The payment of {0} exceeds the remaining obligation of {1}.", Money.InUsd(Amount), Money.InUsd(remainingObligation));
        EnsureNotHeld(overdueReport);
        ValueDate = valueDate;
        BankReference = bankReference.Trim();
        DisbursedBy = officer;
        DisbursedAt = now;
        Status = PaymentStatus.Disbursed;
        Raise(new PaymentDisbursed(Id, GrantId, InstalmentNumber, Amount, valueDate, BankReference));
    }

    private static void EnsureNotHeld(GrantReport? overdueReport)
    {
        if (overdueReport is not null)
            throw new DomainException("This instalment is held: a report of the grant due {0:yyyy-MM-dd} is overdue.", overdueReport.DueOn);
    }
}

public enum PaymentStatus { Requested, Certified, Approved, Disbursed }
