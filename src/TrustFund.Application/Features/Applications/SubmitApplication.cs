using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
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

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock)
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

            // Read without a lock (the checks below must not hold up other organisations submitting to the same call), and
            // in one round trip: the call (tracked, so the receipt's handler finds it without asking again) and the types of
            // document attached.
            var read = await db.Calls.Where(c => c.Id == application.CallId).Select(c => new
            {
                Call = c,
                Attached = db.Attachments.Where(a => a.ApplicationId == application.Id).Select(a => a.Type).ToList(),
            }).SingleAsync(ct);
            var call = read.Call;
            var now = clock.GetUtcNow();
            if (!call.IsOpenAt(now))
                throw new DomainException("The deadline for this call passed on {0} ({1}). Your draft is kept.",
                    LocalDeadline(call), call.TimeZoneId);
            // Checked again here: the call's regions or the organisation's country may have changed since the draft was started.
            await db.EnsureOpenToAsync(call, application.OrganisationId, ct);

            var attached = read.Attached.Distinct().ToList();
            var problems = application.ProblemsBeforeSubmission(call, attached);
            if (problems.Count > 0)
                throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Template)
                    { FormattedMessagePlaceholderValues = ToPlaceholders(p.Arguments) }));

            var number = await TakeNumber(call.ReferencePrefix, ct);
            var reference = Call.ReferenceNumber(call.Deadline.Year, call.Window, number);
            application.Submit(call, attached, now, reference, user.UserName); // raises ApplicationSubmitted: the receipt
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
    }
}
