using Hangfire;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>Every recurring job, by fixed id, so re-registering at each start replaces rather than duplicates.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<CloseDueCallsJob>(CloseDueCallsJob.RecurringId, job => job.Run(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<AnnualReportJob>(AnnualReportJob.RecurringId, job => job.Run(CancellationToken.None), AnnualReportJob.Schedule);
    }
}
