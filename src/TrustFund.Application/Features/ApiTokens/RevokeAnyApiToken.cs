using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.ApiTokens;

/// <summary>An administrator revokes anyone's token; it stops working on the next request. Audited with who did it.</summary>
public static class RevokeAnyApiToken
{
    [Authorize(Roles.Admin)]
    public sealed record Command(Guid TokenId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            if (!user.IsInRole(Roles.Admin)) throw new NotFoundException("API token", command.TokenId);
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == command.TokenId, ct)
                ?? throw new NotFoundException("API token", command.TokenId);
            token.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
