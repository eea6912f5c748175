using Hangfire;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Features.Home;
using TrustFund.Domain.Common;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>Failed jobs from Hangfire's monitoring API (the same the dashboard at /hangfire reads).</summary>
public sealed class HangfireFailedJobs(JobStorage storage) : IFailedJobs
{
    public WorkList Recent()
    {
        var monitoring = storage.GetMonitoringApi();
        var count = monitoring.FailedCount();
        if (count == 0) return WorkList.Empty;
        var first = monitoring.FailedJobs(0, WorkList.Shown).Select(job => new WorkItem(Guid.Empty,
            new LocalizedText($"{job.Value.Job?.Type.Name}.{job.Value.Job?.Method.Name}: {job.Value.ExceptionType?.Split('.').Last()}"),
            Reference: job.Key,
            Since: job.Value.FailedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null)).ToList();
        return new WorkList((int)Math.Min(count, int.MaxValue), first);
    }
}
