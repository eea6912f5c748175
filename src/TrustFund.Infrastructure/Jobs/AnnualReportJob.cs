using TrustFund.Application.Features.Reports;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>
/// Each January, issues last year's annual fund report, once: a report already issued for that year (by hand or by an
/// earlier run) is left alone. Mid-January so that December's late bank value dates are booked first.
/// </summary>
public sealed class AnnualReportJob(SystemSender system)
{
    public const string RecurringId = "annual-fund-report";
    public const string Schedule = "0 6 15 1 *"; // 15 January, 06:00 UTC

    public async Task Run(CancellationToken ct) => await system.Send(new IssueAnnualReport.LastYearCommand(), ct);
}
