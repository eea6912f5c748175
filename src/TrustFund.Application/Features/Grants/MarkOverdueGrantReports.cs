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
/// reminders keep (<see cref="JobCalendar"/>). Safe to run any number of times; the daily deadline job
/// (<see cref="KeepReportDeadlines"/>) marks through <see cref="MarkAsync"/> and tells the grantees in the same transaction.
/// </summary>
/// <remarks>
/// Set-based: a first catch-up can mark tens of thousands of reports, too many to load and save one by one. One
/// statement locks the reports, updates them, writes their audit rows and returns what was marked.
/// </remarks>
public static class MarkOverdueGrantReports
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    /// <summary>
    /// A report this run marked (overdue here; reminded or escalated by the deadline sweep), with what its notice says
    /// about it, whose organisation it is, and whether this run also escalated it.
    /// </summary>
    public sealed record Marked(Guid Id, string Kind, DateOnly DueOn, string ReferenceNumber, string Grantee, Guid OrganisationId, bool Escalated);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user, AuditContext audit) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct) =>
            (await MarkAsync(db, JobCalendar.Today(clock), clock.GetUtcNow(), user, audit, ct)).Count;
    }

    /// <summary>
    /// The same rule as <see cref="GrantReport.MarkOverdue"/>, for every due report at once, in the caller's transaction.
    /// The row locks (taken in id order, so two sweeps never deadlock) make a grantee submitting at this moment either go
    /// first (the report is then no longer due here) or wait for this transaction and meet the usual version conflict;
    /// a second sweep running at the same time waits too, then finds the reports already overdue and marks none. So
    /// every report is marked, audited and returned by exactly one run.
    /// The deadline sweep passes <paramref name="escalateDueBefore"/> when there are fund managers to tell: a report turning
    /// overdue already that late (a first run over old reports) is escalated by the same update, not by a second one.
    /// </summary>
    internal static async Task<List<Marked>> MarkAsync(TrustFundDbContext db, DateOnly today, DateTimeOffset now, ICurrentUser user,
        AuditContext audit, CancellationToken ct, DateOnly? escalateDueBefore = null)
    {
        var escalateBefore = escalateDueBefore ?? DateOnly.MinValue; // nothing is due before the first day: nothing escalated
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Mark reports overdue in a transaction, with their audit rows.");
        // The audit rows are those the AuditingInterceptor would write for each report (ExecuteUpdate-like changes bypass
        // it): "Modified", the status before and after. A data-modifying WITH is read with ToListAsync, which sends it as written.
        return await db.Database.SqlQuery<Marked>($"""
            WITH due AS (
                SELECT r.id, r.status, r.escalated_at FROM grant_reports r
                WHERE r.status IN ({nameof(GrantReportStatus.Scheduled)}, {nameof(GrantReportStatus.SentBack)}) AND r.due_on < {today}
                  AND EXISTS (SELECT 1 FROM grant_agreements g WHERE g.id = r.grant_id AND g.status = {nameof(GrantStatus.Signed)})
                ORDER BY r.id
                FOR UPDATE OF r
            ), marked AS (
                UPDATE grant_reports r SET status = {nameof(GrantReportStatus.Overdue)},
                    escalated_at = CASE WHEN due.escalated_at IS NULL AND r.due_on < {escalateBefore} THEN {now} ELSE due.escalated_at END
                FROM due WHERE r.id = due.id
                RETURNING r.id, r.kind, r.due_on, r.grant_id, due.status AS was, due.escalated_at IS NULL AND r.escalated_at IS NOT NULL AS escalated
            ), audited AS (
                INSERT INTO audit_entries (at, user_id, user_name, action, entity_type, entity_id, change, changes)
                SELECT {now}, {user.UserId}::uuid, {user.UserName}::text, {audit.Action}, {nameof(GrantReport)}, m.id::text, 'Modified',
                       jsonb_build_object({nameof(GrantReport.Status)}::text, jsonb_build_array(m.was, {nameof(GrantReportStatus.Overdue)}::text))
                FROM marked m
            )
            SELECT m.id, m.kind, m.due_on, g.reference_number, g.grantee, g.organisation_id, m.escalated
            FROM marked m JOIN grant_agreements g ON g.id = m.grant_id
            """).ToListAsync(ct);
    }
}
