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
