namespace TrustFund.Domain.Reports;

/// <summary>The documents the fund issues; stored by name so new kinds can be added without renumbering.</summary>
public enum ReportKind
{
    CallsSummary,
    AnnualFundReport,
    DonorStatement,
    ApplicationSummary,
    BoardMinutes,
}
