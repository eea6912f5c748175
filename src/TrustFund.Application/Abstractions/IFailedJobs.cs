using TrustFund.Application.Features.Home;

namespace TrustFund.Application.Abstractions;

/// <summary>
/// The background jobs that failed for good (their retries spent), read from the job storage's monitoring API, for the
/// administrator's home. Each item's <see cref="WorkItem.Reference"/> is the job's id in the dashboard, its title the
/// job and the exception, <see cref="WorkItem.Since"/> when it failed; the most recent first.
/// </summary>
public interface IFailedJobs
{
    WorkList Recent();
}
