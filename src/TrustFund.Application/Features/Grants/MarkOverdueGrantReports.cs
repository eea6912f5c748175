using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Auditing;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Marks overdue every report of a signed grant not handed in by its due date, which holds the grant's instalments
/// (<see cref="GrantAgreement.OverdueReport"/>). "The day after the due date" is the day in Vienna, the calendar the
/// reminders keep (<see cref="JobCalendar"/>). Safe to run any number of times; the daily deadline job runs it.
/// </summary>
/// <remarks>
/// Set-based: a first catch-up can mark tens of thousands of reports, too many to load and save one by one. The rows
/// are locked, updated in one statement and given their audit rows in one more, all in one transaction.
/// </remarks>
public static class MarkOverdueGrantReports
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user, AuditContext audit) : ICommandHandler<Command, int>
    {
        private sealed record DueReport(Guid Id, string Status);

        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            // The same rule as GrantReport.MarkOverdue. The row locks make a grantee submitting at this moment either go
            // first (the report is then no longer due here) or wait for this transaction and meet the usual version
            // conflict (the form says so and they submit again), so every audit row below matches a real change.
            var due = await db.Database.SqlQuery<DueReport>($"""
                SELECT r.id AS "Id", r.status AS "Status" FROM grant_reports r
                WHERE r.status IN ({nameof(GrantReportStatus.Scheduled)}, {nameof(GrantReportStatus.SentBack)}) AND r.due_on < {today}
                  AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)})
                ORDER BY r.id
                FOR UPDATE OF r
                """).ToListAsync(ct);
            if (due.Count == 0) return 0;

            var ids = due.Select(r => r.Id).ToList();
            await db.GrantReports.Where(r => ids.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, GrantReportStatus.Overdue), ct);
            await db.AuditModifiedAsync(user, audit, clock.GetUtcNow(), nameof(GrantReport),
                due.Select(r => new BulkChangeAudit.Row(r.Id.ToString(),
                    new() { [nameof(GrantReport.Status)] = [Enum.Parse<GrantReportStatus>(r.Status), GrantReportStatus.Overdue] })).ToList(), ct);
            return due.Count;
        }
    }
}
