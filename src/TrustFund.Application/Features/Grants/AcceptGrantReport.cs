using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Accepts a submitted report; once the interim reports are all accepted, the instalments waiting for them become
/// payment requests. The grantee is told, in their language, and told too when an instalment is now on its way.
/// </summary>
public static class AcceptGrantReport
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
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
            await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            // The requests this acceptance made are the ones added in this unit of work (each instalment is requested once).
            var requested = db.ChangeTracker.Entries<GrantPayment>()
                .Where(e => e.State == EntityState.Added && e.Entity.GrantId == grantId)
                .Select(e => e.Entity).OrderBy(p => p.InstalmentNumber).ToList();
            // A report is accepted once, so its id alone keys the notice: a retried request tells nobody twice.
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"report-accepted:{report.Id}",
                Accepted(requested.Count), $"/apply/reports/{report.Id}",
                [grant.ReferenceNumber, string.Join(", ", requested.Select(p => p.InstalmentNumber)), requested.Sum(p => p.Amount),
                    ReportKindWord.For(report.Kind)], ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }

    /// <summary>
    /// The notice's texts: {0} the grant, {1} the instalment numbers, {2} their total in USD, {3} the report's kind.
    /// </summary>
    private static NoticeText Accepted(int instalmentsRequested) => instalmentsRequested switch
    {
        0 => AcceptedAlone,
        1 => AcceptedWithAnInstalment,
        _ => AcceptedWithInstalments,
    };

    private static readonly NoticeText AcceptedAlone = new(
        "Report accepted: {0}",
        "The secretariat accepted your {3} for grant {0}.");

    private static readonly NoticeText AcceptedWithAnInstalment = new(
        "Report accepted: {0}",
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalment {1} (USD {2:N2}) is now a payment request: UNODC will pay it once its finance officers have certified and approved it.");

    private static readonly NoticeText AcceptedWithInstalments = new(
        "Report accepted: {0}",
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalments {1} (USD {2:N2} in all) are now payment requests: UNODC will pay them once its finance officers have certified and approved them.");
}
