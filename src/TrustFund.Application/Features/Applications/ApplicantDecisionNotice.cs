using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The applicant hears of every decision on its application (DOMAIN.md section 5): a notification and an e-mail to each
/// colleague of the organisation, in their language, with a link to the application. Keyed by the application and the
/// status it reached, so a retried command tells nobody twice. {0} is the reference number, {1} what the secretariat wrote.
/// </summary>
public static class ApplicantDecisionNotice
{
    private static readonly Dictionary<ApplicationStatus, Notifier.Texts> Texts = new()
    {
        [ApplicationStatus.Eligible] = new(
            ("Your application {0} is eligible", "The secretariat found your application {0} eligible. It now goes to review by the Board of Trustees.\n\n{1}"),
            ("Votre demande {0} est recevable", "Le secrétariat a jugé votre demande {0} recevable. Elle passe maintenant à l'examen du Conseil d'administration.\n\n{1}"),
            ("Su solicitud {0} es admisible", "La secretaría consideró admisible su solicitud {0}. Ahora pasa al examen de la Junta de Síndicos.\n\n{1}")),
        [ApplicationStatus.Ineligible] = new(
            ("Your application {0} is not eligible", "The secretariat found your application {0} not eligible, for this reason:\n\n{1}"),
            ("Votre demande {0} n'est pas recevable", "Le secrétariat a jugé votre demande {0} non recevable, pour la raison suivante :\n\n{1}"),
            ("Su solicitud {0} no es admisible", "La secretaría consideró no admisible su solicitud {0}, por el motivo siguiente:\n\n{1}")),
        [ApplicationStatus.Shortlisted] = new(
            ("Your application {0} is shortlisted", "Your application {0} is shortlisted: it goes to the Board of Trustees.\n\n{1}"),
            ("Votre demande {0} est présélectionnée", "Votre demande {0} est présélectionnée : elle est soumise au Conseil d'administration.\n\n{1}"),
            ("Su solicitud {0} está preseleccionada", "Su solicitud {0} está preseleccionada: pasa a la Junta de Síndicos.\n\n{1}")),
        [ApplicationStatus.ReserveList] = new(
            ("Your application {0} is on the reserve list", "Your application {0} is on the reserve list: it may be funded if an award falls through.\n\n{1}"),
            ("Votre demande {0} est sur la liste de réserve", "Votre demande {0} est sur la liste de réserve : elle pourra être financée si une subvention n'aboutit pas.\n\n{1}"),
            ("Su solicitud {0} está en la lista de reserva", "Su solicitud {0} está en la lista de reserva: podrá financiarse si una subvención no se concreta.\n\n{1}")),
        [ApplicationStatus.NotSelected] = new(
            ("Your application {0} was not selected", "Your application {0} was not selected.\n\n{1}"),
            ("Votre demande {0} n'a pas été retenue", "Votre demande {0} n'a pas été retenue.\n\n{1}"),
            ("Su solicitud {0} no fue seleccionada", "Su solicitud {0} no fue seleccionada.\n\n{1}")),
        [ApplicationStatus.Approved] = new(
            ("Your application {0} is approved", "UNODC approved a grant for your application {0}. The secretariat now draws up the grant agreement.\n\n{1}"),
            ("Votre demande {0} est approuvée", "L'ONUDC a approuvé une subvention pour votre demande {0}. Le secrétariat prépare maintenant l'accord de subvention.\n\n{1}"),
            ("Su solicitud {0} está aprobada", "La UNODC aprobó una subvención para su solicitud {0}. La secretaría prepara ahora el acuerdo de subvención.\n\n{1}")),
        [ApplicationStatus.Rejected] = new(
            ("Your application {0} was not funded", "UNODC decided not to fund your application {0}.\n\n{1}"),
            ("Votre demande {0} n'a pas été financée", "L'ONUDC a décidé de ne pas financer votre demande {0}.\n\n{1}"),
            ("Su solicitud {0} no fue financiada", "La UNODC decidió no financiar su solicitud {0}.\n\n{1}")),
    };

    /// <summary>Tells the applicant the decision the application now carries, with <paramref name="said"/>, the secretariat's words.</summary>
    public static async Task TellApplicantAsync(this Notifier notifier, TrustFundDbContext db, GrantApplication application, string said,
        CancellationToken ct)
    {
        if (!Texts.TryGetValue(application.Status, out var texts)) return;
        await notifier.NotifyAsync(await db.GranteeRecipientsAsync(application.OrganisationId, ct),
            $"application-decision:{application.Id}:{application.Status}", texts, $"/apply/{application.Id}/view",
            [application.ReferenceNumber ?? "", said], ct);
    }
}
