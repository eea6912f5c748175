using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Audit;

/// <summary>The audit trail for administrators, newest first, filtered and paged.</summary>
public static class ListAuditEntries
{
    public const int PageSize = 50;

    [Authorize(Roles.Admin)]
    public sealed record Query(string? EntityType = null, string? EntityId = null, string? User = null,
        string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Page, int TotalCount, IReadOnlyList<string> EntityTypes)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed record Item(long Id, DateTimeOffset At, string? UserName, string Action, string EntityType,
        string EntityId, string Change, string Changes);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
            if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId.Trim());
            if (!string.IsNullOrWhiteSpace(query.User))
                entries = entries.Where(e => e.UserName != null && EF.Functions.ILike(e.UserName, "%" + query.User.Trim() + "%"));
            if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action.Trim());
            if (query.From is { } from) entries = entries.Where(e => e.At >= from);
            if (query.To is { } to) entries = entries.Where(e => e.At < to);

            var total = await entries.CountAsync(ct);
            var page = Paging.Within(query.Page, total, PageSize);
            var items = await entries.OrderByDescending(e => e.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new Item(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Change, e.Changes))
                .ToListAsync(ct);
            var types = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
            return new Result(items, page, total, types);
        }
    }
}
