using System.Globalization;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Domain.Grants;

/// <summary>
/// The agreement with a grantee for an approved award: amount, period, budget, instalment schedule and reporting
/// schedule. Freely editable as a draft; once signed (which raises the obligation in the journal) it changes only
/// through numbered amendments with a reason, each passing the same checks as the draft. Money figures (obligation,
/// disbursed) are not kept here: they are summed from the journal entries that carry this agreement as their document.
/// </summary>
public sealed class GrantAgreement : Entity
{
    public const string DocumentType = "GrantAgreement";

    private GrantAgreement() { }

    public GrantAgreement(Guid applicationId, Guid organisationId, string grantee, string referenceNumber, decimal amount,
        DateOnly startDate, DateOnly endDate, IEnumerable<GrantBudgetLine> budget, DateTimeOffset now)
    {
        ApplicationId = applicationId;
        OrganisationId = organisationId;
        Grantee = grantee;
        ReferenceNumber = referenceNumber;
        CreatedAt = now;
        Status = GrantStatus.Draft;
        var lines = budget.ToList();
        Apply(amount, startDate, endDate, lines, GrantSchedule.DefaultInstalments(amount), requestedInstalments: 0);
        Raise(new GrantAgreementDrawnUp(Id));
    }

    public Guid ApplicationId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Grantee { get; private set; } = "";
    public string ReferenceNumber { get; private set; } = "";
    public GrantStatus Status { get; private set; }

    /// <summary>The grant amount in USD: the obligation raised on signature (plus or minus amendments).</summary>
    public decimal Amount { get; private set; }

    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public List<GrantBudgetLine> Budget { get; private set; } = [];
    public List<Instalment> Instalments { get; private set; } = [];
    public List<GrantAmendment> Amendments { get; private set; } = [];
    public List<GrantReport> Reports { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }

    /// <summary>What the grantee reported spending in its accepted final financial report, taken at closure.</summary>
    public decimal? ReportedExpenditure { get; private set; }

    /// <summary>Disbursed − reported expenditure, asked back from the grantee at closure.</summary>
    public decimal? RefundDue { get; private set; }

    public DateOnly? RefundReceivedOn { get; private set; }
    public string? RefundBankReference { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The grantee asked that its name be kept out of everything public for its staff's safety (DOMAIN.md section 12):
    /// the public grants page and the IATI files then name it generically. Off unless the fund manager turns it on.
    /// </summary>
    public bool WithholdImplementerName { get; private set; }

    public void SetImplementerNameWithheld(bool withhold) => WithholdImplementerName = withhold;

    public bool AuditRequired => Amount >= GrantSchedule.AuditThreshold;
    public bool IsSigned => Status != GrantStatus.Draft;
    public int DurationMonths => GrantSchedule.DurationMonths(StartDate, EndDate);

    public JournalDocument Document(string? detail = null) =>
        new(DocumentType, Id, detail is null ? ReferenceNumber : $"{ReferenceNumber} {detail}");

    /// <summary>
    /// Edits the draft, or amends the signed agreement (then <paramref name="reason"/> is required and the change is
    /// numbered). Returns the change in the amount, which the caller checks against the fund's availability; a signed
    /// agreement's change raises <see cref="GrantAmountAmended"/>, whose handler books it as a raised or released obligation.
    /// <paramref name="requestedInstalments"/> is how many instalments already became payment requests: those stay as they are.
    /// </summary>
    public decimal Change(decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<GrantBudgetLine> budget,
        IReadOnlyList<Instalment> instalments, string? reason, int requestedInstalments, decimal requestedTotal, DateTimeOffset now, string by)
    {
        if (Status is GrantStatus.RefundRequested or GrantStatus.Closed) throw new DomainException("This grant is being closed and can no longer change.");
        if (IsSigned && string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for the amendment.");
        if (amount < requestedTotal)
            throw new DomainException("{0} has already been requested for payment; the amount cannot be lower.", Money.InUsd(requestedTotal));
        for (var i = 0; i < requestedInstalments; i++)
            if (i >= instalments.Count || instalments[i] != Instalments[i])
                throw new DomainException("Instalment {0} has already been requested for payment and cannot change.", i + 1);

        var terms = Compare(amount, startDate, endDate, budget, instalments);
        if (IsSigned && terms.ChangesNothing) throw new DomainException("The amendment changes nothing.");
        var delta = amount - Amount;
        Apply(amount, startDate, endDate, budget, instalments, requestedInstalments);
        if (IsSigned)
        {
            Amendments = [.. Amendments, new GrantAmendment(Amendments.Count + 1, reason!.Trim(), terms.InEnglish(), now, by) { Terms = terms }];
            if (delta != 0) Raise(new GrantAmountAmended(Id, Amendments.Count, delta, FundCalendar.DateOf(now)));
        }
        return delta;
    }

    /// <summary>
    /// Signs the agreement (the caller has checked that the fund can obligate it) and raises
    /// <see cref="GrantAgreementSigned"/>, whose handlers book the obligation and tell the grantee in the same transaction.
    /// </summary>
    public void Sign(DateTimeOffset now, string by)
    {
        if (IsSigned) throw new DomainException("This agreement has already been signed.");
        CheckBudget(Amount, Budget);
        Status = GrantStatus.Signed;
        SignedAt = now;
        SignedBy = by;
        Raise(new GrantAgreementSigned(Id, Amount));
    }

    /// <summary>Instalments whose condition is met once the interim reports are all accepted.</summary>
    public bool InterimReportsAccepted =>
        Reports.Where(r => r.IsInterim).ToList() is { Count: > 0 } interim && interim.All(r => r.Status == GrantReportStatus.Accepted);

    public bool FinalReportsAccepted =>
        Reports.Where(r => r.IsFinal).ToList() is { Count: > 0 } final && final.All(r => r.Status == GrantReportStatus.Accepted);

    /// <summary>The instalments due now that are not yet payment requests (the first on signature, later ones when their condition is met).</summary>
    public IReadOnlyList<Instalment> InstalmentsDue(IReadOnlyCollection<int> alreadyRequested) => Status != GrantStatus.Signed
        ? []
        : Instalments.Where(i => !alreadyRequested.Contains(i.Number)
                && (i.Condition == InstalmentCondition.OnSignature || InterimReportsAccepted))
            .ToList();

    /// <summary>The amount of an instalment when it is requested; the last one takes whatever is left, so rounding never loses a cent.</summary>
    public decimal InstalmentAmount(Instalment instalment, decimal requestedTotal) =>
        instalment.Number == Instalments[^1].Number ? Amount - requestedTotal : GrantSchedule.Amounts(Amount, Instalments)[instalment.Number - 1];

    /// <summary>The report that holds the grant's instalments now, if any: an overdue report holds them all (DOMAIN.md section 8).</summary>
    public GrantReport? OverdueReport => Reports.Where(r => r.Status == GrantReportStatus.Overdue).OrderBy(r => r.DueOn).ThenBy(r => r.Kind).FirstOrDefault();

    /// <summary>
    /// Starts closure after the final reports are accepted: the unspent balance (disbursed − the expenditure reported in
    /// the accepted final financial report, never below zero: spending beyond what was paid is the grantee's own money)
    /// is asked back. Returns the refund due; when it is zero the grant closes at once.
    /// </summary>
    public decimal StartClosure(decimal disbursed, bool paymentsPending, DateTimeOffset now)
    {
        if (Status != GrantStatus.Signed) throw new DomainException("Only a signed grant that is not yet closing can be closed.");
        var finalFinancial = Reports.SingleOrDefault(r => r.Kind == GrantReportKind.FinalFinancial);
        if (finalFinancial?.Status != GrantReportStatus.Accepted)
            throw new DomainException("The final financial report must be accepted before closure: its expenditure gives the unspent balance.");
        if (finalFinancial.Financial is not { Lines.Count: > 0 } financial)
            throw new DomainException("The accepted final financial report has no expenditure lines, so the unspent balance cannot be computed.");
        if (!FinalReportsAccepted) throw new DomainException("The final narrative and financial reports must be accepted before closure.");
        if (paymentsPending) throw new DomainException("A payment of this grant is still in progress: disburse it before closing.");
        ReportedExpenditure = Money.RoundToCents(financial.SpentTotal);
        RefundDue = Math.Max(0m, disbursed - ReportedExpenditure.Value);
        if (RefundDue == 0) Close(now, DateOnly.FromDateTime(now.UtcDateTime));
        else Status = GrantStatus.RefundRequested;
        return RefundDue.Value;
    }

    /// <summary>Records the grantee's refund of the unspent balance (<see cref="GrantRefundRecorded"/>); the grant then closes.</summary>
    public void RecordRefund(decimal amount, DateOnly valueDate, string bankReference, DateTimeOffset now)
    {
        if (Status != GrantStatus.RefundRequested) throw new DomainException("No refund is awaited for this grant.");
        if (amount != RefundDue) throw new DomainException("The refund must be the unspent balance asked for, {0}.", Money.InUsd(RefundDue!.Value));
        RefundReceivedOn = valueDate;
        RefundBankReference = bankReference.Trim();
        Raise(new GrantRefundRecorded(Id, amount, valueDate, RefundBankReference));
        Close(now, valueDate);
    }

    /// <summary>Closes the grant; <see cref="GrantClosed"/> releases what is still obligated and was never paid, as of <paramref name="on"/>.</summary>
    private void Close(DateTimeOffset now, DateOnly on)
    {
        Status = GrantStatus.Closed;
        ClosedAt = now;
        Raise(new GrantClosed(Id, on));
    }

    private void Apply(decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<GrantBudgetLine> budget,
        IReadOnlyList<Instalment> instalments, int requestedInstalments)
    {
        if (amount <= 0) throw new DomainException("The grant amount must be more than zero.");
        if (decimal.Round(amount, 2) != amount) throw new DomainException("Amounts have at most two decimals (cents).");
        if (endDate < startDate) throw new DomainException("The grant must end after it starts.");
        if (budget.Any(l => l.Amount <= 0 || string.IsNullOrWhiteSpace(l.Description)))
            throw new DomainException("Every budget line needs a description and an amount above zero.");
        // The budget must match the amount only from signature on: a draft may be drawn up for less than was requested.
        if (IsSigned) CheckBudget(amount, budget);
        GrantSchedule.Check(instalments);
        var numbered = instalments.Select((i, index) => i with { Number = index + 1 }).ToList();

        Amount = amount;
        StartDate = startDate;
        EndDate = endDate;
        Budget = [.. budget];
        Instalments = numbered;
        ScheduleReports();
    }

    private static void CheckBudget(decimal amount, IReadOnlyCollection<GrantBudgetLine> budget)
    {
        if (budget.Sum(l => l.Amount) != amount)
            throw new DomainException("The budget lines add up to {0}; they must add up to the grant amount, {1}.",
                Money.InUsd(budget.Sum(l => l.Amount)), Money.InUsd(amount));
    }

    /// <summary>Brings the reports in line with the period and schedule; reports already handed in keep their date.</summary>
    private void ScheduleReports()
    {
        var wanted = GrantSchedule.Reports(StartDate, EndDate, Instalments);
        foreach (var (kind, dueOn) in wanted)
        {
            if (Reports.SingleOrDefault(r => r.Kind == kind) is { } existing) existing.Reschedule(dueOn);
            else Reports.Add(new GrantReport(Id, kind, dueOn));
        }
        Reports.RemoveAll(r => !wanted.Any(w => w.Kind == r.Kind) && r.Status is GrantReportStatus.Scheduled or GrantReportStatus.Overdue);
    }

    private AmendedTerms Compare(decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<GrantBudgetLine> budget,
        IReadOnlyList<Instalment> instalments) => new()
    {
        Amount = amount != Amount ? new(Amount, amount) : null,
        Period = startDate != StartDate || endDate != EndDate ? new(new GrantPeriod(StartDate, EndDate), new GrantPeriod(startDate, endDate)) : null,
        BudgetReallocated = !budget.SequenceEqual(Budget),
        InstalmentPercents = instalments.Select(i => (i.Percent, i.Condition)).SequenceEqual(Instalments.Select(i => (i.Percent, i.Condition)))
            ? null : instalments.Select(i => i.Percent).ToList(),
    };
}

public enum GrantStatus { Draft, Signed, RefundRequested, Closed }
