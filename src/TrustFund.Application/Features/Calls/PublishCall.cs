using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Calls;

public static class PublishCall
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICallClosingScheduler closing) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct)
                ?? throw new NotFoundException("call", command.CallId);
            call.Publish(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            closing.CloseAt(call.Id, call.Deadline);
            return Unit.Value;
        }
    }
}
