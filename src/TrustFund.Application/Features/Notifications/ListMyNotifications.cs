using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.Notifications;

/// <summary>The notification centre: the signed-in person's notifications, newest first, paged.</summary>
public static class ListMyNotifications
{
    public const int PageSize = 30;

    [Authorize]
    public sealed record Query(int Page = 1) : IQuery<Result>;
    public sealed record Item(Guid Id, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);
    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount, int Unread)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
            var page = Math.Max(1, query.Page);
            var items = await mine.OrderByDescending(n => n.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(n => new Item(n.Id, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
            return new Result(items, page, await mine.CountAsync(ct), await mine.CountAsync(n => n.ReadAt == null, ct));
        }
    }
}
