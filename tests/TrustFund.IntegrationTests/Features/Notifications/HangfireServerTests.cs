using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.Infrastructure.Jobs;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>A real Hangfire server on the test database picks up a job and runs it through the app's services.</summary>
public sealed class HangfireServerTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task AHangfireServer_RunsTheCallClosingJob_WhichClosesTheCall()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));
        await using (var db = App.NewDbContext()) App.Clock.SetUtcNow((await db.Calls.SingleAsync()).Deadline);
        var storage = App.Services.GetRequiredService<JobStorage>();
        var queue = "test-" + Guid.NewGuid().ToString("N")[..8];
        var options = new BackgroundJobServerOptions
        {
            Activator = new AspNetCoreJobActivator(App.Services.GetRequiredService<IServiceScopeFactory>()),
            Queues = [queue], WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromSeconds(1),
        };

        using (var server = new BackgroundJobServer(options, storage))
        {
            new BackgroundJobClient(storage).Create<CloseDueCallsJob>(job => job.Run(CancellationToken.None), new Hangfire.States.EnqueuedState(queue));
            // Wait for the job's effect itself; the limit only bounds a failing run, on the monotonic clock, not the machine's date.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60) && await Status(call.Id) != CallStatus.Closed) await Task.Delay(50);
        }

        Assert.Equal(CallStatus.Closed, await Status(call.Id));
    }

    private async Task<CallStatus> Status(Guid id)
    {
        await using var db = App.NewDbContext();
        return await db.Calls.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }
}
