using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;

namespace TrustFund.Application.Features.Grants;

/// <summary>Accepts a submitted report; once the interim reports are all accepted, the instalments waiting for them become payment requests.</summary>
public static class AcceptGrantReport
{
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var grantId = await db.GrantReports.Where(r => r.Id == command.ReportId).Select(r => (Guid?)r.GrantId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("report", command.ReportId);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockGrantAsync(grantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleAsync(g => g.Id == grantId, ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            grant.Reports.Single(r => r.Id == command.ReportId).Accept(now, actor.Name);
            await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Unit.Value;
        }
    }
}
