using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>The applications assigned to the signed-in reviewer, with where each stands (declaration, scoring).</summary>
public static class ListMyReviews
{
    public const int PageSize = 50;

    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(Guid ApplicationId, string ReferenceNumber, string Organisation, LocalizedText CallTitle, ApplicationStatus Status,
        ConflictStanding Standing, bool Started, bool Completed)
    {
        /// <summary>Blind review: the organisation is withheld (<see cref="Organisation"/> is empty).</summary>
        public bool Blind { get; init; }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = ReviewAccess.RequireUser(user);
            var total = await db.ReviewAssignments.CountAsync(r => r.ReviewerUserId == me, ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var rows = await (from r in db.ReviewAssignments.AsNoTracking()
                              join a in db.Applications on r.ApplicationId equals a.Id
                              join o in db.Organisations on a.OrganisationId equals o.Id
                              join c in db.Calls on a.CallId equals c.Id
                              where r.ReviewerUserId == me
                              orderby c.Deadline descending, a.ReferenceNumber
                              select new
                              {
                                  a.Id, a.ReferenceNumber, o.LegalName, c.Title, a.Status,
                                  Declared = db.LatestDeclarations().Where(d => d.ApplicationId == a.Id && d.ReviewerUserId == me)
                                      .Select(d => (bool?)d.HasConflict).FirstOrDefault(),
                                  Assessment = db.Assessments.Where(s => s.ApplicationId == a.Id && s.ReviewerUserId == me)
                                      .Select(s => new { s.CompletedAt }).FirstOrDefault(),
                              }).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            var hidden = await db.HiddenFromAsync(user, rows.Select(r => r.Id).ToList(), ct);
            var items = rows.Select(r => new Item(r.Id, r.ReferenceNumber ?? "", hidden.Contains(r.Id) ? "" : r.LegalName, r.Title, r.Status,
                r.Declared is null ? ConflictStanding.NotDeclared : r.Declared.Value ? ConflictStanding.Conflicted : ConflictStanding.NoConflict,
                r.Assessment is not null, r.Assessment?.CompletedAt is not null) { Blind = hidden.Contains(r.Id) }).ToList();
            return new Result(items, page, total);
        }
    }
}
