using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

/// <summary>Closes every open call whose deadline has passed. Safe to run at any time, as often as wanted.</summary>
public static class CloseDueCalls
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            // Sweeps meet: two worker nodes, the minutely sweep and a call's own closing job at its deadline. Each locks
            // the due calls it closes and skips those another sweep holds, so neither fails on the other's change
            // (an edit conflict, then a retry of the whole job) and each call is closed once.
            var due = await db.Calls.FromSql(
                    $"SELECT *, xmin FROM calls WHERE status = {nameof(CallStatus.Published)} AND deadline <= {now} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            foreach (var call in due) call.CloseIfDue(now);
            await db.SaveChangesAsync(ct);
            return due.Count;
        }
    }
}
