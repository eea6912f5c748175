using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

/// <summary>
/// The sweep as it was before it became set-based (main at abaf742, KeepReportDeadlines and MarkOverdueGrantReports),
/// kept here only so that the benchmark times the old and the new code on the same data in the same run. It loads every
/// open report, decides in memory and asks the database which of the resulting notices were already sent.
/// </summary>
internal static class LegacySweep
{
    private sealed record DueReport(Guid Id, string Status);

    public static async Task<string> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustFund.Application.Authorization.ActingUser>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var today = JobCalendar.Today(clock);
            var due = await db.Database.SqlQuery<DueReport>($"""
                SELECT r.id AS "Id", r.status AS "Status" FROM grant_reports r
                WHERE r.status IN ({nameof(GrantReportStatus.Scheduled)}, {nameof(GrantReportStatus.SentBack)}) AND r.due_on < {today}
                  AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)})
                ORDER BY r.id
                FOR UPDATE OF r
                """).ToListAsync();
            if (due.Count > 0)
            {
                var ids = due.Select(r => r.Id).ToList();
                await db.GrantReports.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, GrantReportStatus.Overdue));
                await db.AuditModifiedAsync(user, audit, clock.GetUtcNow(), nameof(GrantReport),
                    due.Select(r => new BulkChangeAudit.Row(r.Id.ToString(),
                        new() { [nameof(GrantReport.Status)] = [Enum.Parse<GrantReportStatus>(r.Status), GrantReportStatus.Overdue] })).ToList(), default);
            }
            var open = await (from r in db.GrantReports.AsNoTracking()
                              join g in db.GrantAgreements on r.GrantId equals g.Id
                              where g.Status == GrantStatus.Signed &&
                                    (r.Status == GrantReportStatus.Scheduled || r.Status == GrantReportStatus.SentBack || r.Status == GrantReportStatus.Overdue)
                              select new { r.Id, r.Kind, r.DueOn, r.Status, g.ReferenceNumber, g.Grantee, g.OrganisationId }).ToListAsync();
            var organisations = open.Select(r => r.OrganisationId).Distinct().ToList();
            var granteesByOrganisation = (await db.Users.Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value) && u.EmailConfirmed)
                    .Select(u => new { Organisation = u.OrganisationId!.Value, Recipient = new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage) })
                    .ToListAsync())
                .GroupBy(x => x.Organisation).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Notifier.Recipient>)g.Select(x => x.Recipient).ToList());
            var managers = await notifier.RecipientsInRolesAsync([Roles.FundManager], default);
            var reminders = new List<Notifier.Notice>();
            var overdue = new List<Notifier.Notice>();
            var escalations = new List<Notifier.Notice>();
            foreach (var report in open)
            {
                var daysLeft = report.DueOn.DayNumber - today.DayNumber;
                var kind = ReportKindWord.For(report.Kind);
                var dueOn = report.DueOn.ToDateTime(TimeOnly.MinValue);
                var grantee = granteesByOrganisation.GetValueOrDefault(report.OrganisationId) ?? [];
                var isOverdue = report.Status == GrantReportStatus.Overdue || daysLeft < 0 && report.Status != GrantReportStatus.SentBack;
                int? stage = daysLeft switch { <= 1 => 1, <= 7 => 7, <= 30 => 30, _ => null };
                if (!isOverdue && daysLeft >= 0 && stage is not null)
                    reminders.Add(new(grantee, $"report-reminder:{report.Id}:{stage}", KeepReportDeadlines.Reminder, "/apply", [kind, dueOn, report.ReferenceNumber, KeepReportDeadlines.Days(daysLeft)]));
                if (!isOverdue) continue;
                overdue.Add(new(grantee, $"report-overdue:{report.Id}", KeepReportDeadlines.Overdue, "/apply", [kind, dueOn, report.ReferenceNumber]));
                if (-daysLeft > KeepReportDeadlines.EscalateAfterDays)
                    escalations.Add(new(managers, $"report-escalated:{report.Id}", KeepReportDeadlines.Escalation, "/fund/grants",
                        [kind, dueOn, report.ReferenceNumber, KeepReportDeadlines.Days(-daysLeft), report.Grantee]));
            }
            // Its own counts (notices, one per report and reader), as it printed them: the sweep's Result now counts reports and digests.
            var result = $"Reminders = {await notifier.NotifyManyAsync(reminders, default)}, MarkedOverdue = {due.Count}, " +
                $"OverdueNotices = {await notifier.NotifyManyAsync(overdue, default)}, Escalations = {await notifier.NotifyManyAsync(escalations, default)}";
            await transaction.CommitAsync();
            return result;
        });
    }
}
