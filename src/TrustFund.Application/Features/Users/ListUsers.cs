using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Users;

public static class ListUsers
{
    public const int PageSize = 50;

    [Authorize(Roles.Admin)]
    public sealed record Query(string? Search = null, int Page = 1) : IQuery<Result>;
    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }
    public sealed record Item(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled,
        DateTimeOffset? LockoutEnd);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = "%" + query.Search.Trim() + "%";
                users = users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
            }
            var total = await users.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var items = await users.OrderBy(u => u.Email).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new Item(u.Id, u.Email!, u.DisplayName,
                    db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                    u.TwoFactorEnabled, u.LockoutEnd))
                .ToListAsync(ct);
            return new Result(items, page, total);
        }
    }
}
