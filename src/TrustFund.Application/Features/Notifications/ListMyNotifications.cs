using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Messaging;
using TrustFund.Application.Reports;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// The notification centre: the signed-in person's notifications, newest first, paged, each written in
/// <see cref="Query.Language"/> (the page's) from its keys and arguments. One from before notifications kept keys is
/// shown as it was written.
/// </summary>
public static class ListMyNotifications
{
    public const int PageSize = 30;

    [Authorize]
    public sealed record Query(int Page = 1, string Language = "en") : IQuery<Result>;
    public sealed record Item(Guid Id, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);
    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount, int Unread)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, IDocumentText catalogue) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
            var total = await mine.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var rows = await mine.OrderByDescending(n => n.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(n => new { n.Id, n.SubjectKey, n.BodyKey, n.Arguments, n.Subject, n.Body, n.Link, n.CreatedAt, IsRead = n.ReadAt != null })
                .ToListAsync(ct);
            var items = rows.Select(n =>
            {
                var (subject, body) = n.SubjectKey is not null && n.BodyKey is not null && n.Arguments is not null
                    ? NoticeArguments.Render(catalogue, query.Language, new NoticeText(n.SubjectKey, n.BodyKey), n.Arguments)
                    : (n.Subject ?? "", n.Body ?? "");
                return new Item(n.Id, subject, body, n.Link, n.CreatedAt, n.IsRead);
            }).ToList();
            return new Result(items, page, total, await mine.CountAsync(n => n.ReadAt == null, ct));
        }
    }
}
