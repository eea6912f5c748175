using TrustFund.Application;

namespace TrustFund.Web.Api;

/// <summary>The shape of every paged list in the API: the items and where they sit.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages)
{
    public static ApiPage<T> From<TSource>(PagedList<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Page, page.PageSize, page.TotalCount, page.TotalPages);
}
