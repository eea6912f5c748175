using TrustFund.Application.Data;
using TrustFund.Application.Events;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The applicant hears of every decision on its application (DOMAIN.md section 5): a notification and an e-mail to each
/// colleague of the organisation, in their language, with a link to the application, written in the transaction of the
/// command that decided (whichever it is: one decision, a bulk screening, an agenda, an award). Keyed by the application
/// and the status it reached, so a retried command tells nobody twice. {0} is the reference number, {1} what the
/// secretariat wrote.
/// </summary>
public sealed class ApplicantDecisionNotice(TrustFundDbContext db, Notifier notifier) : DomainEventHandler<ApplicationDecided>
{
    private static readonly Dictionary<ApplicationStatus, NoticeText> Texts = new()
    {
        [ApplicationStatus.Eligible] = new NoticeText(
            "Your application {0} is eligible",
            "The secretariat found your application {0} eligible. It now goes to review by the Board of Trustees.\n\n{1}"),
        [ApplicationStatus.Ineligible] = new NoticeText(
            "Your application {0} is not eligible",
            "The secretariat found your application {0} not eligible, for this reason:\n\n{1}"),
        [ApplicationStatus.Shortlisted] = new NoticeText(
            "Your application {0} is shortlisted",
            "Your application {0} is shortlisted: it goes to the Board of Trustees.\n\n{1}"),
        [ApplicationStatus.ReserveList] = new NoticeText(
            "Your application {0} is on the reserve list",
            "Your application {0} is on the reserve list: it may be funded if an award falls through.\n\n{1}"),
        [ApplicationStatus.NotSelected] = new NoticeText(
            "Your application {0} was not selected",
            "Your application {0} was not selected.\n\n{1}"),
        [ApplicationStatus.Approved] = new NoticeText(
            "Your application {0} is approved",
            "UNODC approved a grant for your application {0}. The secretariat now draws up the grant agreement.\n\n{1}"),
        [ApplicationStatus.Rejected] = new NoticeText(
            "Your application {0} was not funded",
            "UNODC decided not to fund your application {0}.\n\n{1}"),
    };

    protected override async Task HandleAsync(ApplicationDecided decided, CancellationToken ct)
    {
        if (!Texts.TryGetValue(decided.Status, out var texts)) return;
        await notifier.NotifyAsync(await db.GranteeRecipientsAsync(decided.OrganisationId, ct),
            $"application-decision:{decided.ApplicationId}:{decided.Status}", texts, $"/apply/{decided.ApplicationId}/view",
            [decided.ReferenceNumber, decided.Said], ct);
    }
}
