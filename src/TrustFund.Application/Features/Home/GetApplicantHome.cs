using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// What waits for an NGO user, for their own organisation only: drafts in calls still open (nearest deadline first),
/// grant reports to hand in (overdue and sent back ones, and those due within <see cref="ReportsDueWithinDays"/> days,
/// earliest first), their unread messages, and the decisions on the organisation's applications of the last
/// <see cref="DecisionsWithinDays"/> days (newest first: news, not work).
/// </summary>
public static class GetApplicantHome
{
    /// <summary>The first grantee reminder goes 30 days ahead; a home showing 60 days gives time to plan the report.</summary>
    public const int ReportsDueWithinDays = 60;
    public const int DecisionsWithinDays = 90;

    private static readonly ApplicationStatus[] DecidedStatuses =
    [
        ApplicationStatus.Ineligible, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected,
        ApplicationStatus.Approved, ApplicationStatus.Rejected,
    ];

    [Authorize(Roles.Applicant)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(WorkList Drafts, WorkList ReportsDue, int UnreadMessages, WorkList Decisions);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            if (user.OrganisationId is not { } organisationId || user.UserId is not { } me)
                return new Result(WorkList.Empty, WorkList.Empty, 0, WorkList.Empty);
            var now = clock.GetUtcNow();
            var ours = db.Applications.AsNoTracking().Where(a => a.OrganisationId == organisationId);

            // The project title lives in a JSON column: the organisation's drafts are few, read them whole.
            var drafts = (await ours.Where(a => a.Status == ApplicationStatus.Draft)
                    .Join(db.Calls.Where(c => c.Status == CallStatus.Published && c.Deadline > now), a => a.CallId, c => c.Id, (a, c) => new { a, c })
                    .ToListAsync(ct))
                .OrderBy(x => x.c.Deadline).ThenBy(x => x.a.CreatedAt)
                .Select(x => new WorkItem(x.a.Id, string.IsNullOrWhiteSpace(x.a.Project.Title) ? x.c.Title : new LocalizedText(x.a.Project.Title),
                    Since: x.a.UpdatedAt, Deadline: x.c.Deadline, TimeZoneId: x.c.TimeZoneId, ParentId: x.c.Id))
                .ToList();

            var horizon = FundCalendar.Today(clock).AddDays(ReportsDueWithinDays);
            var reports = await WorkList.OfAsync(
                from r in db.GrantReports.AsNoTracking()
                join g in db.GrantAgreements on r.GrantId equals g.Id
                where g.OrganisationId == organisationId && g.Status == GrantStatus.Signed
                      && (r.Status == GrantReportStatus.Overdue || r.Status == GrantReportStatus.SentBack
                          || (r.Status == GrantReportStatus.Scheduled && r.DueOn <= horizon))
                orderby r.DueOn, r.Kind
                select new { r.Id, r.GrantId, r.Kind, r.DueOn, g.Grantee, g.ReferenceNumber },
                r => new WorkItem(r.Id, new LocalizedText(r.Grantee), r.ReferenceNumber, DueOn: r.DueOn, ParentId: r.GrantId, Report: r.Kind), ct);

            var unread = await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);

            var since = now.AddDays(-DecisionsWithinDays);
            var decided = await ours.Where(a => DecidedStatuses.Contains(a.Status) && a.UpdatedAt >= since)
                    .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a, c.Title })
                    .OrderByDescending(x => x.a.UpdatedAt).ThenBy(x => x.a.ReferenceNumber).ToListAsync(ct);
            var decisions = WorkList.Of(decided.Select(x => new WorkItem(x.a.Id,
                string.IsNullOrWhiteSpace(x.a.Project.Title) ? x.Title : new LocalizedText(x.a.Project.Title), x.a.ReferenceNumber, x.a.UpdatedAt,
                ParentId: x.a.CallId, Decision: x.a.Status)).ToList());

            return new Result(WorkList.Of(drafts), reports, unread, decisions);
        }
    }
}
