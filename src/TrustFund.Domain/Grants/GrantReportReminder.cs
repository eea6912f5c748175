namespace TrustFund.Domain.Grants;

/// <summary>
/// The last reminder stage a report's grantees were sent: 30, 7 or 1 days before its due date. The daily deadline sweep
/// writes it in the transaction that writes the reminder. It is kept because one notice may list many reports (a
/// digest), so "already reminded" can no longer be read from one notification per report. It is a row of its own, not a
/// column of the report: marking the report would change its version, and a grantee editing the report at that moment
/// would then be told someone else had changed it.
/// </summary>
public sealed class GrantReportReminder
{
    private GrantReportReminder() { }

    public Guid ReportId { get; private set; }
    public int DaysBefore { get; private set; }
}
