using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.Notifications;

public static class MarkNotificationsRead
{
    [Authorize]
    public sealed record Command : ICommand<int>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            return await db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }
    }
}
