using TrustFund.Domain.Finance;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Events;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The receipt of a submission: an e-mail to the person who submitted, in their language, with the reference number,
/// written in the submission's transaction (a submission that rolls back sends none; the outbox refuses a second one
/// for the same application). The application and its call are already tracked by the submission, so only the
/// submitter's address and language are read.
/// </summary>
public sealed class ApplicationReceipt(TrustFundDbContext db, ICurrentUser user, IEmailSender email) : DomainEventHandler<ApplicationSubmitted>
{
    protected override async Task HandleAsync(ApplicationSubmitted submitted, CancellationToken ct)
    {
        var me = user.UserId;
        var submitter = await db.Users.Where(u => u.Id == me).Select(u => new { u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (submitter?.Email is not { } address) return; // submitted by no one who can read mail (never from a page)
        var application = await db.Applications.FindAsync([submitted.ApplicationId], ct) ?? throw new NotFoundException("application", submitted.ApplicationId);
        var call = await db.Calls.FindAsync([submitted.CallId], ct) ?? throw new NotFoundException("call", submitted.CallId);
        var language = submitter.PreferredLanguage;

        var (subject, body) = Languages.Pick(language,
            ("Application {0} received", "Your organisation's application {0} to the call \"{1}\" was received on {2} UTC.\n\nProject: {3}\nAmount requested: {4}\n\nThe secretariat will check its eligibility and write to you. You can follow its status in TrustFund."),
            ("Demande {0} reçue", "La demande {0} de votre organisation à l’appel «\u00A0{1}\u00A0» a été reçue le {2} UTC.\n\nProjet\u00A0: {3}\nMontant demandé\u00A0: {4}\n\nLe secrétariat vérifiera son admissibilité et vous écrira. Vous pouvez suivre son état dans TrustFund."),
            ("Solicitud {0} recibida", "La solicitud {0} de su organización a la convocatoria «{1}» se recibió el {2} UTC.\n\nProyecto: {3}\nImporte solicitado: {4}\n\nLa secretaría verificará su admisibilidad y le escribirá. Puede seguir su estado en TrustFund."));
        var culture = CultureInfo.GetCultureInfo(language ?? "en");
        var text = string.Format(culture, body, submitted.ReferenceNumber, call.Title.For(language ?? "en"),
            submitted.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), application.Project.Title, Money.InUsd(application.RequestedAmount));
        email.Queue(new EmailMessage(address, string.Format(subject, submitted.ReferenceNumber), text,
            "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>") + "</p>",
            DeduplicationKey: $"application-receipt:{submitted.ApplicationId}"));
    }
}
