using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// What waits for an administrator: trustees' terms ending within 90 days (nearest first, the seats a renewal or
/// successor does not cover yet), and staff accounts that still sign in without two-factor authentication (oldest
/// account first), which the fund's staff must use; and the background jobs that failed (most recent first), to look
/// into on the jobs dashboard.
/// </summary>
public static class GetAdminHome
{
    [Authorize(Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(WorkList TermsEnding, WorkList StaffWithoutTwoFactor, WorkList FailedJobs);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, IFailedJobs failedJobs) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            // The same rule as the reminder job's, not a second reading of it.
            var ending = await new ListTermsEndingSoon.Handler(db, clock).Handle(new ListTermsEndingSoon.Query(), ct);
            var terms = WorkList.Of(ending.Where(t => !t.SeatCovered)
                .Select(t => new WorkItem(t.AppointmentId, new LocalizedText(t.Name), DueOn: t.Ends, ParentId: t.TrusteeUserId))
                .ToList());

            var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
            var withoutTwoFactor = await WorkList.OfAsync(db.Users.AsNoTracking()
                    .Where(u => !u.TwoFactorEnabled && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
                    .OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt }),
                u => new WorkItem(u.Id, new LocalizedText(u.DisplayName), u.Email, u.CreatedAt), ct);
            return new Result(terms, withoutTwoFactor, failedJobs.Recent());
        }
    }
}
