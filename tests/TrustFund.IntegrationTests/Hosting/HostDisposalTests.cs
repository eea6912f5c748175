using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// A test host disposed while the shared one lives on leaves nothing of itself behind that the shared one then uses:
/// Hangfire's static log provider (<see cref="ReleaseHangfireLogsOnStop"/>) made every background-job client created
/// afterwards throw ObjectDisposedException, failing whichever test came next in a run of one namespace (six of the
/// Security tests after SignInProtectionTests' stricter host).
/// </summary>
public sealed class HostDisposalTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task AHostStopping_LetsGoOfHangfiresLogProvider_SoBackgroundJobClientsMadeAfterItWork()
    {
        // What a test host leaves when it is disposed: Hangfire's static provider on that host's disposed logger factory.
        var disposedHostsLogging = new LoggerFactory();
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(disposedHostsLogging));
        disposedHostsLogging.Dispose();
        var storage = App.Services.GetRequiredService<JobStorage>();
        Assert.Throws<ObjectDisposedException>(() => new BackgroundJobClient(storage));

        // Every test host stops this way (the shared one is not stopped here: its release is the same service).
        var release = App.Services.GetServices<IHostedService>().OfType<ReleaseHangfireLogsOnStop>().Single();
        await release.StopAsync(CancellationToken.None);

        Assert.NotNull(new BackgroundJobClient(storage)); // asks Hangfire's log provider for a logger, and gets one
    }
}
