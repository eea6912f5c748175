using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// The daily sweep of grantee report deadlines (DOMAIN.md sections 8 and 10): reminders 30, 7 and 1 days before a
/// report is due; overdue the day after (which holds the grant's instalments); the fund manager told after 30 days
/// overdue. Each notice has its own event key, so a run missed one day still sends it the next, and a run repeated
/// sends nothing twice.
/// </summary>
public static class KeepReportDeadlines
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<Result>;
    public sealed record Result(int Reminders, int MarkedOverdue, int OverdueNotices, int Escalations);

    public const int EscalateAfterDays = 30;

    private static readonly NoticeText Reminder = new(
        "Report due on {1:D}: {0}",
        "Your {0} for grant {2} is due on {1:D}, in {3} day(s). Submit it in TrustFund before then: instalments are held while a report is overdue.");

    private static readonly NoticeText Overdue = new(
        "Report overdue: {0}",
        "Your {0} for grant {2} was due on {1:D} and has not been received. The grant's next instalment is held until it is submitted.");

    private static readonly NoticeText Escalation = new(
        "Report {3} days overdue: {2} ({4})",
        "The {0} of grant {2} ({4}) was due on {1:D} and is {3} days overdue.");

    public sealed class Handler(TrustFundDbContext db, IMediator mediator, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            // One transaction for the marking and its notices: a report is marked overdue if and only if its grantees
            // are told (a failed run leaves neither, and the next run does both).
            var marked = await mediator.Send(new MarkOverdueGrantReports.Command(), ct);
            var today = JobCalendar.Today(clock);
            var open = await (from r in db.GrantReports.AsNoTracking()
                              join g in db.GrantAgreements on r.GrantId equals g.Id
                              where g.Status == GrantStatus.Signed &&
                                    (r.Status == GrantReportStatus.Scheduled || r.Status == GrantReportStatus.SentBack || r.Status == GrantReportStatus.Overdue)
                              select new { r.Id, r.Kind, r.DueOn, r.Status, g.ReferenceNumber, g.Grantee, g.OrganisationId })
                .ToListAsync(ct);

            // Everyone to tell is collected first, then told in one go: the sweep asks the database a fixed number
            // of times however many reports there are.
            var organisations = open.Select(r => r.OrganisationId).Distinct().ToList();
            var granteesByOrganisation = (await db.Users.Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value) && u.EmailConfirmed)
                    .Select(u => new { Organisation = u.OrganisationId!.Value, Recipient = new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage) })
                    .ToListAsync(ct))
                .GroupBy(x => x.Organisation).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Notifier.Recipient>)g.Select(x => x.Recipient).ToList());
            var managers = await notifier.RecipientsInRolesAsync([Roles.FundManager], ct);
            var reminders = new List<Notifier.Notice>();
            var overdue = new List<Notifier.Notice>();
            var escalations = new List<Notifier.Notice>();
            foreach (var report in open)
            {
                var daysLeft = report.DueOn.DayNumber - today.DayNumber;
                var kind = ReportKindWord.For(report.Kind);
                var due = report.DueOn.ToDateTime(TimeOnly.MinValue);
                var grantee = granteesByOrganisation.GetValueOrDefault(report.OrganisationId) ?? [];
                var isOverdue = report.Status == GrantReportStatus.Overdue || daysLeft < 0 && report.Status != GrantReportStatus.SentBack;
                if (!isOverdue && daysLeft >= 0 && ReminderStage(daysLeft) is { } stage)
                    reminders.Add(new(grantee, $"report-reminder:{report.Id}:{stage}", Reminder, "/apply", [kind, due, report.ReferenceNumber, daysLeft]));
                if (!isOverdue) continue;
                overdue.Add(new(grantee, $"report-overdue:{report.Id}", Overdue, "/apply", [kind, due, report.ReferenceNumber]));
                if (-daysLeft > EscalateAfterDays)
                    escalations.Add(new(managers, $"report-escalated:{report.Id}", Escalation, "/fund/grants",
                        [kind, due, report.ReferenceNumber, -daysLeft, report.Grantee]));
            }
            var result = new Result(await notifier.NotifyManyAsync(reminders, ct), marked, await notifier.NotifyManyAsync(overdue, ct),
                await notifier.NotifyManyAsync(escalations, ct));
            return result;
        }

        /// <summary>30, 7 or 1: the latest reminder a report this close to its date should have had.</summary>
        private static int? ReminderStage(int daysLeft) => daysLeft switch
        {
            <= 1 => 1,
            <= 7 => 7,
            <= 30 => 30,
            _ => null,
        };
    }
}
