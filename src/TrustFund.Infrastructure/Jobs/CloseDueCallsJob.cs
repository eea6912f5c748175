using TrustFund.Application.Features.Calls;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>The recurring sweep that closes calls whose deadline has passed.</summary>
public sealed class CloseDueCallsJob(SystemSender system)
{
    public const string RecurringId = "close-due-calls";

    public async Task Run(CancellationToken ct) => await system.Send(new CloseDueCalls.Command(), ct);
}
