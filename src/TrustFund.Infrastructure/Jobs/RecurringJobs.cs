using Hangfire;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>Every recurring job, by fixed id, so re-registering at each start replaces rather than duplicates.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<CloseDueCallsJob>(CloseDueCallsJob.RecurringId, job => job.Run(CancellationToken.None), Cron.Minutely());
        // Early each morning in Vienna; every job checks the date itself, so the hour only decides how early people hear.
        var vienna = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna") };
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.TermsEndingId, job => job.TermsEnding(CancellationToken.None), "0 6 * * *", vienna);
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.UnoreMissingId, job => job.UnoreMissing(CancellationToken.None), "0 6 * * *", vienna);
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.ReportDeadlinesId, job => job.ReportDeadlines(CancellationToken.None), "0 5 * * *", vienna);
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.UnliquidatedId, job => job.Unliquidated(CancellationToken.None), "0 6 * * *", vienna);
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.ReviewersAndVotersId, job => job.ReviewersAndVoters(CancellationToken.None), "0 6 * * *", vienna);
        jobs.AddOrUpdate<AnnualReportJob>(AnnualReportJob.RecurringId, job => job.Run(CancellationToken.None), AnnualReportJob.Schedule);
        jobs.AddOrUpdate<ForgetFormAnswersJob>(ForgetFormAnswersJob.RecurringId, job => job.Run(CancellationToken.None), Cron.Hourly());
    }
}
