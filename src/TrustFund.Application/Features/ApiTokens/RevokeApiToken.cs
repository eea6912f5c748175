using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.ApiTokens;

/// <summary>Revokes one of the signed-in person's own tokens; it stops working on the next request.</summary>
public static class RevokeApiToken
{
    [Authorize]
    public sealed record Command(Guid TokenId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            // Someone else's token is "not found": its existence is none of the caller's business.
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == command.TokenId && t.UserId == user.UserId, ct)
                ?? throw new NotFoundException("API token", command.TokenId);
            token.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
