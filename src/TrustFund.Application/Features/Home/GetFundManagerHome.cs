using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// What waits for the secretariat, each list oldest first: applications to screen, calls closing within two weeks,
/// shortlisted applications no board session has on its agenda yet, board recommendations to decide, awards without
/// an agreement, agreements to sign, reports handed in, reports overdue, and mail the outbox could not deliver.
/// </summary>
public static class GetFundManagerHome
{
    /// <summary>A call closing within this many days is one to watch (questions to answer, late applicants to expect).</summary>
    public const int ClosingWithinDays = 14;

    [Authorize(Roles.FundManager)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(WorkList ToScreen, WorkList CallsClosing, WorkList SessionsToPrepare, WorkList AwardsToDecide,
        WorkList AgreementsToDrawUp, WorkList AgreementsToSign, WorkList ReportsToReview, WorkList OverdueReports, WorkList UndeliveredMail);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, NoticeMail notices) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var toScreen = await WorkList.OfAsync(Applications(a => a.Status == ApplicationStatus.Submitted)
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.ReferenceNumber), a => a.Item(a.SubmittedAt), ct);

            var closingBy = now.AddDays(ClosingWithinDays);
            var callsClosing = await WorkList.OfAsync(db.Calls.AsNoTracking()
                    .Where(c => c.Status == CallStatus.Published && c.Deadline > now && c.Deadline <= closingBy)
                    .OrderBy(c => c.Deadline).Select(c => new { c.Id, c.Title, c.Deadline, c.TimeZoneId, c.PublishedAt }),
                c => new WorkItem(c.Id, c.Title, Since: c.PublishedAt, Deadline: c.Deadline, TimeZoneId: c.TimeZoneId), ct);

            // As CreateBoardSession puts them on an agenda: shortlisted and on no open ballot.
            var sessionsToPrepare = await WorkList.OfAsync(Applications(a => a.Status == ApplicationStatus.Shortlisted
                    && !db.SessionBallots.Any(b => b.ApplicationId == a.Id && b.ClosedAt == null))
                .OrderBy(a => a.UpdatedAt).ThenBy(a => a.ReferenceNumber), a => a.Item(a.UpdatedAt), ct);

            var awardsToDecide = await WorkList.OfAsync(Applications(a => a.Status == ApplicationStatus.Recommended)
                .OrderBy(a => a.UpdatedAt).ThenBy(a => a.ReferenceNumber), a => a.Item(a.UpdatedAt), ct);

            var agreementsToDrawUp = await WorkList.OfAsync(Applications(a => a.Status == ApplicationStatus.Approved
                    && !db.GrantAgreements.Any(g => g.ApplicationId == a.Id))
                .OrderBy(a => a.UpdatedAt).ThenBy(a => a.ReferenceNumber), a => a.Item(a.UpdatedAt), ct);

            var agreementsToSign = await WorkList.OfAsync(db.GrantAgreements.AsNoTracking().Where(g => g.Status == GrantStatus.Draft)
                    .OrderBy(g => g.CreatedAt).ThenBy(g => g.ReferenceNumber)
                    .Select(g => new { g.Id, g.Grantee, g.ReferenceNumber, g.CreatedAt, g.Amount }),
                g => new WorkItem(g.Id, new LocalizedText(g.Grantee), g.ReferenceNumber, g.CreatedAt, Amount: g.Amount), ct);

            var reports = from r in db.GrantReports.AsNoTracking()
                          join g in db.GrantAgreements on r.GrantId equals g.Id
                          select new { r.Id, r.GrantId, r.Kind, r.Status, r.DueOn, r.SubmittedAt, g.Grantee, g.ReferenceNumber };
            var reportsToReview = await WorkList.OfAsync(reports.Where(r => r.Status == GrantReportStatus.Submitted)
                    .OrderBy(r => r.SubmittedAt).ThenBy(r => r.ReferenceNumber).ThenBy(r => r.Kind),
                r => new WorkItem(r.Id, new LocalizedText(r.Grantee), r.ReferenceNumber, r.SubmittedAt, r.DueOn, ParentId: r.GrantId, Report: r.Kind), ct);
            var overdueReports = await WorkList.OfAsync(reports.Where(r => r.Status == GrantReportStatus.Overdue)
                    .OrderBy(r => r.DueOn).ThenBy(r => r.ReferenceNumber).ThenBy(r => r.Kind),
                r => new WorkItem(r.Id, new LocalizedText(r.Grantee), r.ReferenceNumber, DueOn: r.DueOn, ParentId: r.GrantId, Report: r.Kind), ct);

            // As ListUndeliveredMail counts it: not sent, and refused at least once or given up.
            var undeliveredMail = db.OutboxEmails.AsNoTracking().Where(e => e.SentAt == null && (e.Attempts > 0 || e.GivenUpAt != null));
            var firstMail = await undeliveredMail.OrderBy(e => e.CreatedAt).Take(WorkList.Shown)
                .Select(e => new { e.Id, e.Subject, e.NotificationId, e.Language, e.CreatedAt }).ToListAsync(ct);
            // A sweep's notice keeps its notification, not its text: its subject as its reader receives it.
            var noticeSubjects = await notices.RenderAsync(firstMail.Where(e => e.NotificationId is not null)
                .Select(e => new NoticeMail.Queued(e.Id, e.NotificationId!.Value, e.Language ?? "en")).ToList(), ct);
            var undelivered = firstMail.Count == 0 ? WorkList.Empty : new WorkList(await undeliveredMail.CountAsync(ct), firstMail
                .Select(e => new WorkItem(e.Id, new LocalizedText(noticeSubjects.GetValueOrDefault(e.Id)?.Subject ?? e.Subject), Since: e.CreatedAt))
                .ToList());

            return new Result(toScreen, callsClosing, sessionsToPrepare, awardsToDecide, agreementsToDrawUp, agreementsToSign,
                reportsToReview, overdueReports, undelivered);
        }

        private IQueryable<ApplicationRow> Applications(Expression<Func<GrantApplication, bool>> which) =>
            from a in db.Applications.AsNoTracking().Where(which)
            join o in db.Organisations on a.OrganisationId equals o.Id
            select new ApplicationRow
            {
                Id = a.Id, CallId = a.CallId, ReferenceNumber = a.ReferenceNumber, Organisation = o.LegalName,
                SubmittedAt = a.SubmittedAt, UpdatedAt = a.UpdatedAt,
            };
    }

    /// <summary>An application as the lists show it (set by initialiser, so that EF can still order by its members).</summary>
    private sealed class ApplicationRow
    {
        public Guid Id { get; init; }
        public Guid CallId { get; init; }
        public string? ReferenceNumber { get; init; }
        public string Organisation { get; init; } = "";
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public WorkItem Item(DateTimeOffset? since) => new(Id, new LocalizedText(Organisation), ReferenceNumber, since, ParentId: CallId);
    }
}
