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
            var due = await db.Calls.Where(c => c.Status == CallStatus.Published && c.Deadline <= now).ToListAsync(ct);
            foreach (var call in due) call.CloseIfDue(now);
            await db.SaveChangesAsync(ct);
            return due.Count;
        }
    }
}
