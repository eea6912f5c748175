using TrustFund.Domain.Grants;

namespace TrustFund.Web;

/// <summary>
/// Readable English names for the grant states and kinds, used as translation keys (@T[GrantDisplay.Of(...)]), so the
/// English pages say "interim narrative" rather than the code name. Every text here is in fr.json and es.json.
/// </summary>
public static class GrantDisplay
{
    public static string Of(GrantStatus status) => status switch
    {
        GrantStatus.Draft => "Draft",
        GrantStatus.Signed => "Signed",
        GrantStatus.RefundRequested => "Refund requested",
        GrantStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Of(GrantReportKind kind) => kind switch
    {
        GrantReportKind.InterimNarrative => "interim narrative",
        GrantReportKind.InterimFinancial => "interim financial",
        GrantReportKind.FinalNarrative => "final narrative",
        GrantReportKind.FinalFinancial => "final financial",
        _ => kind.ToString(),
    };

    public static string Of(GrantReportStatus status) => status switch
    {
        GrantReportStatus.Scheduled => "Scheduled",
        GrantReportStatus.Submitted => "Received",
        GrantReportStatus.Accepted => "Accepted",
        GrantReportStatus.SentBack => "Sent back",
        GrantReportStatus.Overdue => "Overdue",
        _ => status.ToString(),
    };

    public static string Of(PaymentStatus status) => status switch
    {
        PaymentStatus.Requested => "Requested",
        PaymentStatus.Certified => "Certified",
        PaymentStatus.Approved => "Approved",
        PaymentStatus.Disbursed => "Disbursed",
        _ => status.ToString(),
    };

    public static string Of(InstalmentCondition condition) => condition switch
    {
        InstalmentCondition.OnSignature => "On signature",
        InstalmentCondition.AfterInterimReportsAccepted => "After the interim reports are accepted",
        _ => condition.ToString(),
    };
}
