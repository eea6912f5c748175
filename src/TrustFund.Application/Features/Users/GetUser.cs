using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Users;

public static class GetUser
{
    [Authorize(Roles.Admin)]
    public sealed record Query(Guid UserId) : IQuery<ListUsers.Item?>;

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, ListUsers.Item?>
    {
        public async ValueTask<ListUsers.Item?> Handle(Query query, CancellationToken ct) =>
            await db.Users.AsNoTracking().Where(u => u.Id == query.UserId)
                .Select(u => new ListUsers.Item(u.Id, u.Email!, u.DisplayName,
                    db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                    u.TwoFactorEnabled, u.LockoutEnd))
                .SingleOrDefaultAsync(ct);
    }
}
