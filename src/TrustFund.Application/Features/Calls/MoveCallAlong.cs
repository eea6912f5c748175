using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Calls;

/// <summary>The secretariat moves a closed call along its lifecycle: under review, decided, archived.</summary>
public static class MoveCallAlong
{
    public enum Step { StartReview, MarkDecided, Archive }

    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, Step To) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct) ?? throw new NotFoundException("call", command.CallId);
            var now = clock.GetUtcNow();
            switch (command.To)
            {
                case Step.StartReview: call.StartReview(now); break;
                case Step.MarkDecided: call.MarkDecided(now); break;
                case Step.Archive: call.Archive(now); break;
            }
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
