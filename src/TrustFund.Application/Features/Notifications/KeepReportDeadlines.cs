using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// The daily sweep of grantee report deadlines (DOMAIN.md sections 8 and 10): reminders 30, 7 and 1 days before a
/// report is due; overdue the day after (which holds the grant's instalments); the fund managers told once a report is
/// more than 30 days overdue (those in the role that day; one who joins later finds the report on their home page's
/// overdue list). Each notice has its own event key, so a run missed one day still sends it the next, and a run
/// repeated sends nothing twice.
/// </summary>
/// <remarks>
/// Set-based, so that a day's run costs about one query over the reports whatever their number: one statement marks
/// the reports turning overdue and returns them (their notices follow); one marks the reports to escalate
/// (<see cref="GrantReport.EscalatedAt"/>) and returns them with the fund managers to tell; one asks for the reminders
/// still owed (the unique (user, event key) index of the notifications answers "already sent"); and the notices are
/// written by <see cref="Notifier.NotifyManyAsync"/>. Two sweeps at once (two nodes, a retried job) meet at the reports'
/// row locks and at that unique index, so each notice is still sent once (ReportDeadlineJobTests).
/// </remarks>
public static class KeepReportDeadlines
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<Result>;
    public sealed record Result(int Reminders, int MarkedOverdue, int OverdueNotices, int Escalations);

    public const int EscalateAfterDays = 30;

    // Public for the benchmark's copy of the sweep as it was (tests/TrustFund.Benchmarks/JobSweep), which sends the same texts.
    public static readonly NoticeText Reminder = new(
        "Report due on {1:D}: {0}",
        "Your {0} for grant {2} is due on {1:D}, in {3} day(s). Submit it in TrustFund before then: instalments are held while a report is overdue.");

    public static readonly NoticeText Overdue = new(
        "Report overdue: {0}",
        "Your {0} for grant {2} was due on {1:D} and has not been received. The grant's next instalment is held until it is submitted.");

    public static readonly NoticeText Escalation = new(
        "Report {3} days overdue: {2} ({4})",
        "The {0} of grant {2} ({4}) was due on {1:D} and is {3} days overdue.");

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock, ICurrentUser user, AuditContext audit)
        : ICommandHandler<Command, Result>
    {
        /// <summary>One person to tell about one report: what the database found still owed, nothing already sent.</summary>
        private sealed record Owed(Guid ReportId, string Kind, DateOnly DueOn, string ReferenceNumber, string Grantee, string EventKey,
            Guid UserId, string Email, string PreferredLanguage);

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            // One transaction for the marking and its notices: a report is marked overdue if and only if its grantees
            // are told (a failed run leaves neither, and the next run does both). The marking returns exactly the reports
            // this run turned overdue, so the overdue notices need no search for what was already sent.
            var marked = await MarkOverdueGrantReports.MarkAsync(db, today, clock.GetUtcNow(), user, audit, ct);
            var grantees = await GranteesAsync(marked.Select(r => r.OrganisationId).Distinct().ToList(), ct);
            var overdue = marked.Select(r => new Notifier.Notice(grantees[r.OrganisationId], $"report-overdue:{r.Id}", Overdue, "/apply",
                [ReportKindWord.For(Enum.Parse<GrantReportKind>(r.Kind)), r.DueOn.ToDateTime(TimeOnly.MinValue), r.ReferenceNumber])).ToList();

            // Reminders are asked of the database by date and by what was already sent, escalations by the reports'
            // own mark, so a day's sweep reads only the reports whose notice is owed, however many reports the fund keeps.
            var reminders = Notices(await RemindersOwedAsync(today, ct), Reminder, "/apply",
                (report, daysLeft) => [ReportKindWord.For(Enum.Parse<GrantReportKind>(report.Kind)), report.DueOn.ToDateTime(TimeOnly.MinValue),
                    report.ReferenceNumber, daysLeft], today);
            var escalations = Notices(await EscalateAsync(today, ct), Escalation, "/fund/grants",
                (report, daysLeft) => [ReportKindWord.For(Enum.Parse<GrantReportKind>(report.Kind)), report.DueOn.ToDateTime(TimeOnly.MinValue),
                    report.ReferenceNumber, -daysLeft, report.Grantee], today);
            return new Result(await notifier.NotifyManyAsync(reminders, ct), marked.Count, await notifier.NotifyManyAsync(overdue, ct),
                await notifier.NotifyManyAsync(escalations, ct));
        }

        private const string ReminderKey = "report-reminder:";
        private const string EscalationKey = "report-escalated:";

        /// <summary>The confirmed users of each organisation (an organisation without one gets an empty list: nobody to tell).</summary>
        private async Task<Dictionary<Guid, IReadOnlyCollection<Notifier.Recipient>>> GranteesAsync(List<Guid> organisations, CancellationToken ct)
        {
            var users = await db.Users.Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value) && u.EmailConfirmed)
                .Select(u => new { Organisation = u.OrganisationId!.Value, Recipient = new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage) })
                .ToListAsync(ct);
            return organisations.ToDictionary(o => o, o => (IReadOnlyCollection<Notifier.Recipient>)users.Where(u => u.Organisation == o)
                .Select(u => u.Recipient).ToList());
        }

        /// <summary>
        /// Reminders (30, 7 and 1 days before, the latest stage a report this close should have had, so a missed day
        /// sends it the next) to the grantees, minus those already sent: the unique (user, event key) index answers that
        /// per person.
        /// </summary>
        private async Task<List<Owed>> RemindersOwedAsync(DateOnly today, CancellationToken ct) =>
            await db.Database.SqlQuery<Owed>($"""
                WITH due AS (
                    SELECT r.id, r.kind, r.due_on, g.reference_number, g.grantee, g.organisation_id,
                           {ReminderKey} || r.id || ':' || CASE WHEN r.due_on - {today} <= 1 THEN 1 WHEN r.due_on - {today} <= 7 THEN 7 ELSE 30 END AS event_key
                    FROM grant_reports r JOIN grant_agreements g ON g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)}
                    WHERE r.status IN ({nameof(GrantReportStatus.Scheduled)}, {nameof(GrantReportStatus.SentBack)})
                      AND r.due_on BETWEEN {today} AND {today.AddDays(30)}
                )
                SELECT d.id AS report_id, d.kind, d.due_on, d.reference_number, d.grantee, d.event_key, u.id AS user_id, u.email, u.preferred_language
                FROM due d JOIN users u ON u.organisation_id = d.organisation_id AND u.email_confirmed
                WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.event_key = d.event_key)
                """).ToListAsync(ct);

        /// <summary>
        /// Marks escalated the reports more than 30 days overdue not escalated yet, and returns each with every fund
        /// manager to tell. Asking the reports' own mark, not the notifications, keeps the daily run from checking each
        /// long-overdue report against each manager's notices (a year of history made that twice the cost of reading
        /// every open report). The row locks, taken in id order as the overdue marking takes them, make a second sweep
        /// running at the same time wait, then find the reports already escalated. With no fund manager nothing is
        /// marked, so the reports are escalated once there is someone to tell.
        /// </summary>
        private async Task<List<Owed>> EscalateAsync(DateOnly today, CancellationToken ct) =>
            await db.Database.SqlQuery<Owed>($"""
                WITH managers AS (
                    SELECT u.id, u.email, u.preferred_language FROM users u
                    WHERE EXISTS (SELECT 1 FROM user_roles ur JOIN roles ro ON ro.id = ur.role_id WHERE ur.user_id = u.id AND ro.name = {Roles.FundManager})
                ), due AS (
                    SELECT r.id FROM grant_reports r
                    WHERE r.status = {nameof(GrantReportStatus.Overdue)} AND r.escalated_at IS NULL AND r.due_on < {today.AddDays(-EscalateAfterDays)}
                      AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)})
                      AND EXISTS (SELECT 1 FROM managers)
                    ORDER BY r.id
                    FOR UPDATE OF r
                ), escalated AS (
                    UPDATE grant_reports r SET escalated_at = {clock.GetUtcNow()}
                    FROM due WHERE r.id = due.id AND r.escalated_at IS NULL
                    RETURNING r.id, r.kind, r.due_on, r.grant_id
                )
                SELECT e.id AS report_id, e.kind, e.due_on, g.reference_number, g.grantee, {EscalationKey} || e.id AS event_key,
                       m.id AS user_id, m.email, m.preferred_language
                FROM escalated e JOIN grant_agreements g ON g.id = e.grant_id CROSS JOIN managers m
                """).ToListAsync(ct);

        /// <summary>The owed rows of one kind of notice, one notice per event key with all its recipients.</summary>
        private static List<Notifier.Notice> Notices(IEnumerable<Owed> owed, NoticeText text, string link, Func<Owed, int, object[]> arguments,
            DateOnly today) =>
            owed.GroupBy(o => o.EventKey).Select(g => new Notifier.Notice(
                g.Select(o => new Notifier.Recipient(o.UserId, o.Email, o.PreferredLanguage)).ToList(), g.Key, text, link,
                arguments(g.First(), g.First().DueOn.DayNumber - today.DayNumber))).ToList();
    }
}
