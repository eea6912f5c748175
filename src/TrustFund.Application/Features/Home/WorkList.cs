using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// One kind of work on a person's home page: how many items wait, and the first few in the order they should be
/// taken (oldest or nearest deadline first), each with what its page needs to link to it.
/// </summary>
public sealed record WorkList(int Count, IReadOnlyList<WorkItem> First)
{
    /// <summary>Enough to start from; the count and the link to the full list say the rest.</summary>
    public const int Shown = 5;

    public static readonly WorkList Empty = new(0, []);

    /// <summary>The count and the first <see cref="Shown"/> of a query already in the order the work should be taken.</summary>
    public static async Task<WorkList> OfAsync<T>(IQueryable<T> ordered, Func<T, WorkItem> item, CancellationToken ct)
    {
        var count = await ordered.CountAsync(ct);
        if (count == 0) return Empty;
        var first = await ordered.Take(Shown).ToListAsync(ct);
        return new WorkList(count, first.Select(item).ToList());
    }

    /// <summary>For work that had to be filtered in memory (JSON columns, rules the database cannot run).</summary>
    public static WorkList Of(IReadOnlyCollection<WorkItem> ordered) => new(ordered.Count, ordered.Take(Shown).ToList());
}

/// <summary>
/// One item of work. <c>Id</c> is what its page is found by; <c>ParentId</c> the call, session or grant when the page
/// is theirs. <c>Since</c> is when it started waiting; <c>DueOn</c> / <c>Deadline</c> (in <c>TimeZoneId</c>) when it must be done.
/// </summary>
public sealed record WorkItem(Guid Id, LocalizedText Title, string? Reference = null, DateTimeOffset? Since = null,
    DateOnly? DueOn = null, DateTimeOffset? Deadline = null, string? TimeZoneId = null, Guid? ParentId = null,
    decimal? Amount = null, GrantReportKind? Report = null, ApplicationStatus? Decision = null);
