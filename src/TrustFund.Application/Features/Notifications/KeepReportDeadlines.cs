using TrustFund.Domain.Common;
using System.Globalization;
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
/// overdue list). Each reader gets at most one notice of each kind per run: the report's own notice when they are told
/// about one report, a digest listing the reports when about several (a first run over a year of history would
/// otherwise send tens of thousands of e-mails to one person). A run missed one day sends what it owed the next, and a
/// run repeated sends nothing twice.
/// </summary>
/// <remarks>
/// Set-based, so that a day's run costs about one query over the reports whatever their number. "Already told" is kept
/// on the reports, because a digest stands for many of them: one statement marks the reports turning overdue (their
/// status), one the reminders owed (<see cref="GrantReportReminder"/>, the last stage sent), one the reports to escalate
/// (<see cref="GrantReport.EscalatedAt"/>), each returning what it marked; the notices of those reports are written by
/// <see cref="Notifier.NotifyManyAsync"/> in the same transaction. Two sweeps at once (two nodes, a retried job) meet at
/// the reports' row locks and at the reminders' primary key, so each report is marked, and told about, by one run only
/// (ReportDeadlineJobTests).
/// </remarks>
public static class KeepReportDeadlines
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<Result>;

    /// <summary>Reports reminded, marked overdue and escalated by this run, and the notices (each with its e-mail) it wrote about them.</summary>
    public sealed record Result(int Reminded, int MarkedOverdue, int Escalated, int Notices);

    public const int EscalateAfterDays = 30;

    /// <summary>A digest lists this many reports, the earliest due first, then says how many more there are.</summary>
    public const int ListedInADigest = 20;

    // Public for the benchmark's copy of the sweep as it was (tests/TrustFund.Benchmarks/JobSweep), which sends the same texts.
    public static readonly NoticeText Reminder = new(
        "Report due on {1:D}: {0}",
        "Your {0} for grant {2} is due on {1:D}, in {3}. Submit it in TrustFund before then: instalments are held while a report is overdue.");

    public static readonly NoticeText Overdue = new(
        "Report overdue: {0}",
        "Your {0} for grant {2} was due on {1:D} and has not been received. The grant's next instalment is held until it is submitted.");

    public static readonly NoticeText Escalation = new(
        "Report {3} overdue: {2} ({4})",
        "The {0} of grant {2} ({4}) was due on {1:D} and is {3} overdue.");

    // The digests: {0} is always 2 or more. The lines ({1}, escalations {2}) and the "and N more" line after them are arguments.
    private static readonly NoticeText Reminders = new(
        "{0} reports due soon",
        "These reports are due soon. Submit each in TrustFund before its due date: instalments are held while a report is overdue.\n{1}\n{2}");

    private static readonly NoticeText Overdues = new(
        "{0} reports overdue",
        "These reports were due and have not been received. A grant's next instalment is held until its overdue reports are submitted.\n{1}\n{2}");

    private static readonly NoticeText Escalations = new(
        "{0} reports more than {1} days overdue",
        "These grantee reports are more than {1} days overdue:\n{2}\n{3}");

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock, ICurrentUser user, AuditContext audit)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            // One transaction for the marks and their notices: a report is marked if and only if its readers are told (a
            // failed run leaves neither, and the next run does both). Each marking returns exactly the reports this run
            // marked, so the notices need no search for what was already sent.
            // With no fund manager nothing is escalated, so the reports wait until there is someone to tell. A report
            // turning overdue already more than 30 days late is escalated by the update that marks it overdue (a first
            // run over a year of history has tens of thousands: one update each, not two); the others overdue that long
            // by the escalation's own statement.
            var managers = await notifier.RecipientsInRolesAsync([Roles.FundManager], ct);
            var escalateDueBefore = today.AddDays(-EscalateAfterDays);
            var overdue = await MarkOverdueGrantReports.MarkAsync(db, today, clock.GetUtcNow(), user, audit, ct,
                managers.Count == 0 ? null : escalateDueBefore);
            var reminded = await RemindAsync(today, ct);
            var escalated = managers.Count == 0 ? [] : overdue.Where(r => r.Escalated).Concat(await EscalateAsync(escalateDueBefore, ct)).ToList();

            var grantees = await GranteesAsync(overdue.Concat(reminded).Select(r => r.OrganisationId).Distinct().ToList(), ct);
            var notices = reminded.GroupBy(r => r.OrganisationId).Select(g => ReminderNotice(grantees[g.Key], g.ToList(), today))
                .Concat(overdue.GroupBy(r => r.OrganisationId).Select(g => OverdueNotice(grantees[g.Key], g.ToList(), today)))
                .ToList();
            if (escalated.Count > 0) notices.Add(EscalationNotice(managers, escalated, today));
            return new Result(reminded.Count, overdue.Count, escalated.Count, await notifier.NotifyManyAsync(notices, ct));
        }

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
        /// Marks the reminders owed and returns their reports: 30, 7 and 1 days before the due date, the latest stage a
        /// report this close should have had (so a missed day sends it the next), for reports whose last stage sent
        /// (<see cref="GrantReportReminder"/>) is an earlier one or none. Only reports with a grantee to tell are marked,
        /// so a reminder waits for an organisation's first confirmed user. Two sweeps at once meet at the reminders'
        /// primary key, inserted in report id order: the second waits for the first to commit, then finds the stage already
        /// sent (the upsert's condition) and returns nothing.
        /// </summary>
        private async Task<List<MarkOverdueGrantReports.Marked>> RemindAsync(DateOnly today, CancellationToken ct) =>
            await db.Database.SqlQuery<MarkOverdueGrantReports.Marked>($"""
                WITH due AS (
                    SELECT r.id, CASE WHEN r.due_on - {today} <= 1 THEN 1 WHEN r.due_on - {today} <= 7 THEN 7 ELSE 30 END AS days_before
                    FROM grant_reports r
                    WHERE r.status IN ({nameof(GrantReportStatus.Scheduled)}, {nameof(GrantReportStatus.SentBack)})
                      AND r.due_on BETWEEN {today} AND {today.AddDays(30)}
                      AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)}
                                  AND EXISTS (SELECT 1 FROM users u WHERE u.organisation_id = g.organisation_id AND u.email_confirmed))
                ), owed AS (
                    SELECT d.id, d.days_before FROM due d LEFT JOIN grant_report_reminders s ON s.report_id = d.id
                    WHERE s.days_before IS NULL OR s.days_before > d.days_before
                    ORDER BY d.id
                ), reminded AS (
                    INSERT INTO grant_report_reminders AS s (report_id, days_before)
                    SELECT id, days_before FROM owed
                    ON CONFLICT (report_id) DO UPDATE SET days_before = excluded.days_before WHERE s.days_before > excluded.days_before
                    RETURNING s.report_id
                )
                SELECT r.id, r.kind, r.due_on, g.reference_number, g.grantee, g.organisation_id, false AS escalated
                FROM reminded m JOIN grant_reports r ON r.id = m.report_id JOIN grant_agreements g ON g.id = r.grant_id
                """).ToListAsync(ct);

        /// <summary>
        /// Marks escalated the reports more than 30 days overdue (due before <paramref name="dueBefore"/>) that an earlier
        /// run marked overdue and none escalated yet, and returns them. Asking the reports'
        /// own mark, not the notifications, keeps the daily run from checking each long-overdue report against each
        /// manager's notices (a year of history made that twice the cost of reading every open report). The row locks,
        /// taken in id order as the overdue marking takes them, make a second sweep running at the same time wait, then
        /// find the reports already escalated.
        /// </summary>
        private async Task<List<MarkOverdueGrantReports.Marked>> EscalateAsync(DateOnly dueBefore, CancellationToken ct) =>
            await db.Database.SqlQuery<MarkOverdueGrantReports.Marked>($"""
                WITH due AS (
                    SELECT r.id FROM grant_reports r
                    WHERE r.status = {nameof(GrantReportStatus.Overdue)} AND r.escalated_at IS NULL AND r.due_on < {dueBefore}
                      AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)})
                    ORDER BY r.id
                    FOR UPDATE OF r
                ), escalated AS (
                    UPDATE grant_reports r SET escalated_at = {clock.GetUtcNow()}
                    FROM due WHERE r.id = due.id AND r.escalated_at IS NULL
                    RETURNING r.id, r.kind, r.due_on, r.grant_id
                )
                SELECT e.id, e.kind, e.due_on, g.reference_number, g.grantee, g.organisation_id, true AS escalated
                FROM escalated e JOIN grant_agreements g ON g.id = e.grant_id
                """).ToListAsync(ct);
    }

    private static Notifier.Notice ReminderNotice(IReadOnlyCollection<Notifier.Recipient> grantees, List<MarkOverdueGrantReports.Marked> reports,
        DateOnly today)
    {
        if (reports is [var report])
        {
            var daysLeft = report.DueOn.DayNumber - today.DayNumber;
            // The stage the marking chose (its CASE): the key a reminder of this report at this stage has always had.
            var stage = daysLeft <= 1 ? 1 : daysLeft <= 7 ? 7 : 30;
            return new(grantees, $"report-reminder:{report.Id}:{stage}", Reminder, "/apply", [Word(report), Date(report), report.ReferenceNumber, Days(daysLeft)]);
        }
        return GranteeDigest(grantees, "report-reminders", Reminders, reports, today);
    }

    private static Notifier.Notice OverdueNotice(IReadOnlyCollection<Notifier.Recipient> grantees, List<MarkOverdueGrantReports.Marked> reports,
        DateOnly today)
    {
        if (reports is [var report])
            return new(grantees, $"report-overdue:{report.Id}", Overdue, "/apply", [Word(report), Date(report), report.ReferenceNumber]);
        return GranteeDigest(grantees, "report-overdue", Overdues, reports, today);
    }

    /// <summary>A grantee's digest (reminders or overdue): the count, a line per listed report, the line saying how many more.</summary>
    private static Notifier.Notice GranteeDigest(IReadOnlyCollection<Notifier.Recipient> grantees, string kind, NoticeText texts,
        List<MarkOverdueGrantReports.Marked> reports, DateOnly today)
    {
        var listed = InDueDateOrder(reports);
        return new(grantees, DigestKey(kind, today, listed), texts, "/apply", [reports.Count,
            new NoticeLines("- {0} for grant {1}, due on {2:D}", listed.Select(r => new object[] { Word(r), r.ReferenceNumber, Date(r) }).ToList()),
            More(reports.Count)]);
    }

    private static Notifier.Notice EscalationNotice(IReadOnlyCollection<Notifier.Recipient> managers, List<MarkOverdueGrantReports.Marked> reports,
        DateOnly today)
    {
        int DaysOverdue(MarkOverdueGrantReports.Marked r) => today.DayNumber - r.DueOn.DayNumber;
        if (reports is [var report])
            return new(managers, $"report-escalated:{report.Id}", Escalation, "/fund/grants",
                [Word(report), Date(report), report.ReferenceNumber, Days(DaysOverdue(report)), report.Grantee]);
        var listed = InDueDateOrder(reports);
        return new(managers, DigestKey("report-escalations", today, listed), Escalations, "/fund/grants", [reports.Count, EscalateAfterDays,
            new NoticeLines("- {0} of grant {1} ({2}), due on {3:D}, {4} overdue",
                listed.Select(r => new object[] { Word(r), r.ReferenceNumber, r.Grantee, Date(r), Days(DaysOverdue(r)) }).ToList()),
            More(reports.Count)]);
    }

    /// <summary>The reports a digest lists, earliest due first (then by grant and kind, so the order never varies).</summary>
    private static List<MarkOverdueGrantReports.Marked> InDueDateOrder(IEnumerable<MarkOverdueGrantReports.Marked> reports) =>
        reports.OrderBy(r => r.DueOn).ThenBy(r => r.ReferenceNumber, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Id).Take(ListedInADigest).ToList();

    /// <summary>Days before a due date or past it, as the reader's language counts them ("1 day", "0 jour", "31 días").</summary>
    public static Counted Days(int days) => new Counted(days, "{0} day", "{0} days");

    /// <summary>The line after the listed reports, or nothing when all are listed.</summary>
    private static NoticeLines More(int count) =>
        new NoticeLines("and {0}: see TrustFund",
            count > ListedInADigest ? [new object[] { new Counted(count - ListedInADigest, "{0} more report", "{0} more reports") }] : []);

    /// <summary>
    /// A digest's event key: the run's date and the first report it lists. Each report is marked by one run only, so no
    /// other digest of that kind can share the key, even from a second run the same day (a date alone would make such a
    /// run's digest collide with the first and be dropped, its reports marked but nobody told).
    /// </summary>
    private static string DigestKey(string kind, DateOnly today, List<MarkOverdueGrantReports.Marked> listed) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{today:yyyy-MM-dd}:{listed[0].Id}");

    private static CatalogueWord Word(MarkOverdueGrantReports.Marked report) => ReportKindWord.For(Enum.Parse<GrantReportKind>(report.Kind));

    private static DateTime Date(MarkOverdueGrantReports.Marked report) => report.DueOn.ToDateTime(TimeOnly.MinValue);
}
