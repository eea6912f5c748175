using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Accepts a submitted report; once the interim reports are all accepted, the instalments waiting for them become
/// payment requests. The report raises GrantReportAccepted: <see cref="GranteeReportNotice.TellReportAccepted"/> tells the
/// grantee, in their language, and tells too when an instalment is now on its way.
/// </summary>
public static class AcceptGrantReport
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var grantId = await db.GrantReports.Where(r => r.Id == command.ReportId).Select(r => (Guid?)r.GrantId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("report", command.ReportId);
            await db.LockGrantAsync(grantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleAsync(g => g.Id == grantId, ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            var report = grant.Reports.Single(r => r.Id == command.ReportId);
            report.Accept(now, actor.Name);
            // Not saved here: GranteeReportNotice.TellReportAccepted names the requests this adds (still unsaved) in its notice.
            await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            return Unit.Value;
        }
    }
}
