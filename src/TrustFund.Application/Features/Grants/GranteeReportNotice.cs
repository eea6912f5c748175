using TrustFund.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Events;
using TrustFund.Application.Finance;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// The grantee hears, in its language and with a link to the report, when the secretariat accepts one of its reports
/// (and which instalments that made due) or sends it back with what to change. Written by the handlers of the report's
/// domain events, in the transaction of the command that raised them.
/// </summary>
public static class GranteeReportNotice
{
    /// <summary>
    /// A report is accepted once, so its id alone keys the notice: a retried request tells nobody twice. The instalments
    /// the acceptance made due are the payment requests added in this unit of work (each instalment is requested once):
    /// the command that accepts requests them before the pipeline dispatches this event and saves.
    /// </summary>
    public sealed class TellReportAccepted(TrustFundDbContext db, Notifier notifier) : DomainEventHandler<GrantReportAccepted>
    {
        protected override async Task HandleAsync(GrantReportAccepted accepted, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(accepted.GrantId, ct);
            var requested = db.ChangeTracker.Entries<GrantPayment>()
                .Where(e => e.State == EntityState.Added && e.Entity.GrantId == accepted.GrantId)
                .Select(e => e.Entity).OrderBy(p => p.InstalmentNumber).ToList();
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"report-accepted:{accepted.ReportId}",
                Accepted(requested.Count), $"/apply/reports/{accepted.ReportId}",
                [grant.ReferenceNumber, string.Join(", ", requested.Select(p => p.InstalmentNumber)), Money.InUsd(requested.Sum(p => p.Amount)),
                    ReportKindWord.For(accepted.Kind)], ct);
        }
    }

    /// <summary>One notice per sending back (a report may be sent back more than once), keyed by the moment.</summary>
    public sealed class TellReportSentBack(TrustFundDbContext db, Notifier notifier, TimeProvider clock) : DomainEventHandler<GrantReportSentBack>
    {
        protected override async Task HandleAsync(GrantReportSentBack sentBack, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(sentBack.GrantId, ct);
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct),
                $"report-sent-back:{sentBack.ReportId}:{clock.GetUtcNow().UtcTicks}", SentBack, $"/apply/reports/{sentBack.ReportId}",
                [grant.ReferenceNumber, sentBack.Comment], ct);
        }
    }

    private static readonly NoticeText SentBack = new(
        "Report sent back: {0}",
        "The secretariat sent your report for grant {0} back:\n\n{1}\n\nCorrect it and submit it again.");

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
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalment {1} ({2}) is now a payment request: UNODC will pay it once its finance officers have certified and approved it.");

    private static readonly NoticeText AcceptedWithInstalments = new(
        "Report accepted: {0}",
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalments {1} ({2} in all) are now payment requests: UNODC will pay them once its finance officers have certified and approved them.");
}
