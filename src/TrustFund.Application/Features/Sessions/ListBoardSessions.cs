using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>The sessions of a call, and the serving trustees who could attend a new one.</summary>
public static class ListBoardSessions
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<Result>;

    public sealed record Result(Guid CallId, LocalizedText CallTitle, IReadOnlyList<Item> Sessions, IReadOnlyList<Trustee> ServingTrustees, int Shortlisted);

    public sealed record Item(Guid Id, DateOnly Date, SessionFormat Format, int AgendaItems, int Closed);

    public sealed record Trustee(Guid UserId, string Name);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var title = await db.Calls.AsNoTracking().Where(c => c.Id == query.CallId).Select(c => (LocalizedText?)c.Title).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("call", query.CallId);
            var sessions = await db.BoardSessions.AsNoTracking().Where(s => s.CallId == query.CallId).OrderByDescending(s => s.Date)
                .Select(s => new Item(s.Id, s.Date, s.Format, db.SessionBallots.Count(b => b.SessionId == s.Id),
                    db.SessionBallots.Count(b => b.SessionId == s.Id && b.ClosedAt != null))).ToListAsync(ct);
            var today = Domain.Common.FundCalendar.Today(clock);
            var serving = (await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct)).Where(a => a.IsServingOn(today)).Select(a => a.TrusteeUserId).ToList();
            var trustees = await db.Users.AsNoTracking().Where(u => serving.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new Trustee(u.Id, u.DisplayName)).ToListAsync(ct);
            var shortlisted = await db.Applications.CountAsync(a => a.CallId == query.CallId && a.Status == ApplicationStatus.Shortlisted, ct);
            return new Result(query.CallId, title, sessions, trustees, shortlisted);
        }
    }
}
