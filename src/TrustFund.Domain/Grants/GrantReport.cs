using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// One report a grantee owes under its agreement (DOMAIN.md section 8), created with the agreement's reporting
/// schedule. Kept small on purpose: the report forms (victims assisted, expenditure per budget line) will hang off
/// this row later; what the money side needs is its kind, due date and status, because an overdue report holds the
/// grant's next instalment and accepted interim reports release it.
/// Lifecycle: Scheduled → Submitted → Accepted, or SentBack (resubmission allowed); Overdue when not submitted by its date.
/// </summary>
public sealed class GrantReport : Entity
{
    private GrantReport() { }

    public GrantReport(Guid grantId, GrantReportKind kind, DateOnly dueOn)
    {
        GrantId = grantId;
        Kind = kind;
        DueOn = dueOn;
        Status = GrantReportStatus.Scheduled;
    }

    public Guid GrantId { get; private set; }
    public GrantReportKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public GrantReportStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public NarrativeReport? Narrative { get; private set; }
    public FinancialReport? Financial { get; private set; }
    /// <summary>The secretariat's reason for sending the report back, shown to the grantee until it resubmits.</summary>
    public string? SentBackComment { get; private set; }

    /// <summary>
    /// When the fund managers were told the report was more than 30 days overdue (the daily deadline sweep sets it, in the
    /// transaction that writes their notices). Kept on the report so that each day's sweep asks only for the reports not
    /// yet escalated, instead of checking every long-overdue report against every manager's notifications.
    /// </summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    public bool IsNarrative => Kind is GrantReportKind.InterimNarrative or GrantReportKind.FinalNarrative;
    /// <summary>The grantee can still change the report: it is not with the secretariat and not accepted.</summary>
    public bool IsEditable => Status is GrantReportStatus.Scheduled or GrantReportStatus.SentBack or GrantReportStatus.Overdue;

    public void SaveNarrative(NarrativeReport narrative)
    {
        if (!IsNarrative) throw new DomainException("This is a financial report.");
        EnsureEditable();
        if (!narrative.CountsInBounds)
            throw new DomainException("Enter a number of people from 0 to 1,000,000 in each cell.");
        Narrative = narrative;
    }

    public void SaveFinancial(FinancialReport financial)
    {
        if (IsNarrative) throw new DomainException("This is a narrative report.");
        EnsureEditable();
        if (!financial.AmountsInBounds)
            throw new DomainException("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.");
        Financial = financial;
    }

    /// <summary>What stops the grantee's content being submitted (empty when it can go).</summary>
    public IReadOnlyList<ReportProblem> ContentProblems() =>
        IsNarrative ? (Narrative ?? NarrativeReport.Empty).Problems() : (Financial ?? FinancialReport.Empty).Problems();

    private void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException("This report is with the secretariat and can no longer be changed.");
    }

    public bool IsInterim => Kind is GrantReportKind.InterimNarrative or GrantReportKind.InterimFinancial;
    public bool IsFinal => Kind is GrantReportKind.FinalNarrative or GrantReportKind.FinalFinancial;

    /// <summary>The grantee handed the report in through its report form.</summary>
    public void Submit(DateTimeOffset now)
    {
        if (Status is GrantReportStatus.Submitted or GrantReportStatus.Accepted)
            throw new DomainException("This report has already been submitted.");
        Status = GrantReportStatus.Submitted;
        SubmittedAt = now;
    }

    public void Accept(DateTimeOffset now, string by)
    {
        if (Status != GrantReportStatus.Submitted) throw new DomainException("Only a submitted report can be accepted.");
        Status = GrantReportStatus.Accepted;
        AcceptedAt = now;
        AcceptedBy = by;
        Raise(new GrantReportAccepted(Id, GrantId, Kind));
    }

    public void SendBack(string comment)
    {
        if (Status != GrantReportStatus.Submitted) throw new DomainException("Only a submitted report can be sent back.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Say what the grantee must change.");
        Status = GrantReportStatus.SentBack;
        SentBackComment = comment.Trim();
        Raise(new GrantReportSentBack(Id, GrantId, SentBackComment));
    }

    /// <summary>Marks the report overdue when it was not handed in by its due date; returns whether it changed.</summary>
    public bool MarkOverdue(DateOnly today)
    {
        if (Status is not (GrantReportStatus.Scheduled or GrantReportStatus.SentBack) || today <= DueOn) return false;
        Status = GrantReportStatus.Overdue;
        return true;
    }

    /// <summary>A period amendment moves the due date of a report not yet handed in.</summary>
    internal void Reschedule(DateOnly dueOn)
    {
        if (Status is GrantReportStatus.Scheduled or GrantReportStatus.Overdue) { DueOn = dueOn; Status = GrantReportStatus.Scheduled; }
    }
}

public enum GrantReportKind { InterimNarrative, InterimFinancial, FinalNarrative, FinalFinancial }

public enum GrantReportStatus { Scheduled, Submitted, Accepted, SentBack, Overdue }
