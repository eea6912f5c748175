using Microsoft.Extensions.Hosting;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// Hangfire keeps its log provider in a static field, set to the logger factory of the last host that configured it. A
/// process runs one host in production; a test run starts several (a node, a host with stricter settings) and disposes
/// them while the shared one lives on, and Hangfire would then ask the disposed host's logger factory for a logger and
/// throw (ObjectDisposedException from whatever first makes a background-job client afterwards: a test's use case that
/// schedules a job). Each test host lets go of the static provider as it stops; the next host to configure Hangfire
/// sets its own, and until then Hangfire logs nowhere.
/// </summary>
public sealed class ReleaseHangfireLogsOnStop : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        return Task.CompletedTask;
    }
}
