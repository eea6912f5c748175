using System.Globalization;
using System.Net;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Submits a complete draft before the deadline (the server's clock decides, to the second). The application's row
/// is locked for the whole submission (the pipeline's transaction), so a double click, or the pipeline running the
/// command again after a lost connection, submits once and gets the same receipt.
/// </summary>
public static class SubmitApplication
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId) : ICommand<Result>, IAboutApplication;
    public sealed record Result(string ReferenceNumber, DateTimeOffset SubmittedAt);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, IEmailSender email, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new NotFoundException("application", command.ApplicationId);
            var application = await db.Applications
                .FromSql($"SELECT *, xmin FROM applications WHERE id = {command.ApplicationId} AND organisation_id = {organisationId} FOR UPDATE")
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("application", command.ApplicationId);
            if (application.Status != ApplicationStatus.Draft && application.ReferenceNumber is { } already)
                return new Result(already, application.SubmittedAt!.Value); // the second click of a double click

            // Read without a lock: the checks below must not hold up other organisations submitting to the same call.
            var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, ct);
            var now = clock.GetUtcNow();
            if (!call.IsOpenAt(now))
                throw new DomainException("The deadline for this call passed on {0} ({1}). Your draft is kept.",
                    LocalDeadline(call), call.TimeZoneId);
            // Checked again here: the call's regions or the organisation's country may have changed since the draft was started.
            await db.EnsureOpenToAsync(call, application.OrganisationId, ct);

            var attached = await db.Attachments.Where(a => a.ApplicationId == application.Id).Select(a => a.Type).Distinct().ToListAsync(ct);
            var problems = application.ProblemsBeforeSubmission(call, attached);
            if (problems.Count > 0)
                throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Template)
                    { FormattedMessagePlaceholderValues = ToPlaceholders(p.Arguments) }));

            var language = await LanguageOfUser(ct);
            var number = await TakeNumber(call.ReferencePrefix, ct);
            var reference = Call.ReferenceNumber(call.Deadline.Year, call.Window, number);
            application.Submit(call, attached, now, reference, user.UserName);
            QueueReceipt(application, call, now, language);
            await db.SaveChangesAsync(ct);
            return new Result(application.ReferenceNumber!, now);
        }

        /// <summary>
        /// Takes the next number for the prefix from its sequence, on the submission's own connection (one pooled
        /// connection per request in the rush). A sequence takes no lock that lasts to the commit, so submissions to
        /// the same window do not queue behind each other at the deadline; a submission that fails after this leaves a
        /// gap, never a duplicate (migration ReferenceNumbersFromSequences).
        /// </summary>
        private async Task<int> TakeNumber(string prefix, CancellationToken ct) =>
            (await db.Database.SqlQuery<int>($"SELECT next_reference_number({prefix}) AS \"Value\"").ToListAsync(ct)).Single();

        private static Dictionary<string, object> ToPlaceholders(object[] arguments) =>
            arguments.Select((a, i) => (a, i)).ToDictionary(x => x.i.ToString(CultureInfo.InvariantCulture), x => x.a);

        private static string LocalDeadline(Call call) =>
            TimeZoneInfo.ConvertTime(call.Deadline, TimeZoneInfo.FindSystemTimeZoneById(call.TimeZoneId))
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private void QueueReceipt(GrantApplication application, Call call, DateTimeOffset now, string? language)
        {
            var (subject, body) = Languages.Pick(language,
                ("Application {0} received", "Your organisation's application {0} to the call \"{1}\" was received on {2} UTC.\n\nProject: {3}\nAmount requested: USD {4:N2}\n\nThe secretariat will check its eligibility and write to you. You can follow its status in TrustFund."),
                ("Demande {0} reçue", "La demande {0} de votre organisation à l'appel « {1} » a été reçue le {2} UTC.\n\nProjet : {3}\nMontant demandé : {4:N2} USD\n\nLe secrétariat vérifiera son admissibilité et vous écrira. Vous pouvez suivre son état dans TrustFund."),
                ("Solicitud {0} recibida", "La solicitud {0} de su organización a la convocatoria «{1}» se recibió el {2} UTC.\n\nProyecto: {3}\nImporte solicitado: {4:N2} USD\n\nLa secretaría verificará su admisibilidad y le escribirá. Puede seguir su estado en TrustFund."));
            var culture = CultureInfo.GetCultureInfo(language ?? "en");
            var text = string.Format(culture, body, application.ReferenceNumber, call.Title.For(language ?? "en"),
                now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), application.Project.Title, application.RequestedAmount);
            email.Queue(new EmailMessage(user.UserName!, string.Format(subject, application.ReferenceNumber), text,
                "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>") + "</p>",
                DeduplicationKey: $"application-receipt:{application.Id}"));
        }

        // Awaited, never blocking: a blocked thread-pool thread per submission starves the pool in the last-minute rush.
        private async Task<string?> LanguageOfUser(CancellationToken ct) =>
            user.UserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.PreferredLanguage).SingleOrDefaultAsync(ct) : null;
    }
}
