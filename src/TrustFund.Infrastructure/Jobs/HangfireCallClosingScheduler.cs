using Hangfire;
using TrustFund.Application.Abstractions;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>A delayed Hangfire job per call, at its deadline to the second; closing is idempotent, so a re-scheduled call is harmless.</summary>
public sealed class HangfireCallClosingScheduler(IBackgroundJobClient jobs) : ICallClosingScheduler
{
    public void CloseAt(Guid callId, DateTimeOffset deadline) =>
        jobs.Schedule<CloseDueCallsJob>(job => job.Run(CancellationToken.None), deadline);
}
