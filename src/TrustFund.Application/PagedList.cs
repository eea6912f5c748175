using Microsoft.EntityFrameworkCore;

namespace TrustFund.Application;

/// <summary>One page of a list that can grow, with what a pager needs to show where it is.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int TotalPages => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

public static class PagedListExtensions
{
    /// <summary>Counts, then reads one page of an already ordered query. Out-of-range page numbers are clamped (<see cref="Paging.Within"/>), not refused.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, PagedList<T>.MaxPageSize);
        var total = await query.CountAsync(ct);
        page = Paging.Within(page, total, pageSize);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }
}

/// <summary>Where a page number from an address may lead.</summary>
public static class Paging
{
    /// <summary>
    /// The page asked for, brought within the pages there are: below the first is the first, past the last is the last
    /// (the first of an empty list). Page numbers come from addresses anyone can type, and a huge one would otherwise
    /// overflow the offset ((page - 1) × size) into a negative number, which PostgreSQL refuses with a server error.
    /// </summary>
    public static int Within(int page, int totalCount, int pageSize) =>
        Math.Clamp(page, 1, Math.Max(1, (int)((totalCount + (long)pageSize - 1) / pageSize)));
}
