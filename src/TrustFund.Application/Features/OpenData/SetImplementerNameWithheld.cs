using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// Turns on (or off again) the withholding of the grantee's name from everything public, at the grantee's request for
/// its staff's safety. Allowed at any stage: a grant already published is named generically from the next request on.
/// Audited like every change to the agreement.
/// </summary>
public static class SetImplementerNameWithheld
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId, bool Withhold) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var grant = await db.GrantAgreements.SingleOrDefaultAsync(g => g.Id == command.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", command.GrantId);
            grant.SetImplementerNameWithheld(command.Withhold);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
