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
                Accepted(report.Kind, requested.Count), $"/apply/reports/{report.Id}",
                [grant.ReferenceNumber, string.Join(", ", requested.Select(p => p.InstalmentNumber)), requested.Sum(p => p.Amount)], ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }

    /// <summary>The notice's texts: {0} the grant, {1} the instalment numbers, {2} their total in USD.</summary>
    private static Notifier.Texts Accepted(GrantReportKind kind, int instalmentsRequested)
    {
        var (en, fr, es) = kind switch
        {
            GrantReportKind.InterimNarrative => ("interim narrative report", "rapport narratif intermédiaire", "informe narrativo intermedio"),
            GrantReportKind.InterimFinancial => ("interim financial report", "rapport financier intermédiaire", "informe financiero intermedio"),
            GrantReportKind.FinalNarrative => ("final narrative report", "rapport narratif final", "informe narrativo final"),
            _ => ("final financial report", "rapport financier final", "informe financiero final"),
        };
        var (enMore, frMore, esMore) = instalmentsRequested switch
        {
            0 => ("", "", ""),
            1 => ("\n\nAs a result, instalment {1} (USD {2:N2}) is now a payment request: UNODC will pay it once its finance officers have certified and approved it.",
                "\n\nEn conséquence, le versement {1} ({2:N2} USD) est désormais une demande de paiement : l'ONUDC le versera une fois certifié et approuvé par ses agents financiers.",
                "\n\nEn consecuencia, el pago {1} ({2:N2} USD) es ahora una solicitud de pago: la UNODC lo abonará una vez certificado y aprobado por sus oficiales financieros."),
            _ => ("\n\nAs a result, instalments {1} (USD {2:N2} in all) are now payment requests: UNODC will pay them once its finance officers have certified and approved them.",
                "\n\nEn conséquence, les versements {1} ({2:N2} USD au total) sont désormais des demandes de paiement : l'ONUDC les versera une fois certifiés et approuvés par ses agents financiers.",
                "\n\nEn consecuencia, los pagos {1} ({2:N2} USD en total) son ahora solicitudes de pago: la UNODC los abonará una vez certificados y aprobados por sus oficiales financieros."),
        };
        return new(
            ("Report accepted: {0}", $"The secretariat accepted your {en} for grant {{0}}.{enMore}"),
            ("Rapport accepté : {0}", $"Le secrétariat a accepté votre {fr} pour la subvention {{0}}.{frMore}"),
            ("Informe aceptado: {0}", $"La secretaría aceptó su {es} de la subvención {{0}}.{esMore}"));
    }
}
