using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustFund.Web.Hosting;

/// <summary>
/// A list's page number in its address (?pageNumber=3), read one way on every paged list. Anyone can type it, so
/// whatever it is the list answers with one of its pages, never a refusal: a number past the last page (even past any
/// number, 99999999999) shows the last page, and what is no page at all (abc, -5, 0) the first. The pager (_Pager) notes
/// the page the list shows, and the layout then says at the top of the page, where the reader looks first, that the page
/// asked for is not there. Before, "abc" was a "not a number" error on the pages that have an error summary and went
/// unsaid on the others, and 99999999999 showed the first page where 2147483647 showed the last.
/// </summary>
public static class PageNumber
{
    public const string Name = "pageNumber";

    /// <summary>The page to ask the list for; the list brings it within its pages (<see cref="Application.Paging.Within"/>).</summary>
    public static int Read(string typed) =>
        !IsDigits(typed) ? 1
        : int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Max(page, 1)
        : int.MaxValue;

    private static readonly object ShownKey = new();

    /// <summary>Notes the page the request's list shows (the layout is rendered after the page, so it can tell the reader).</summary>
    public static void Shown(HttpContext context, int page) => context.Items[ShownKey] = page;

    /// <summary>
    /// What the address asked for and the page the list shows instead; null when the list shows the page asked for, when
    /// none was asked, or when the page has no list.
    /// </summary>
    public static (string Asked, int Shown)? NotShown(HttpContext context)
    {
        if (context.Items[ShownKey] is not int shown) return null;
        var typed = context.Request.Query[Name].FirstOrDefault() ?? "";
        var isShown = typed.Length == 0
            || IsDigits(typed) && int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page == shown;
        return isShown ? null : (typed, shown);
    }

    private static bool IsDigits(string typed) => typed.Length > 0 && typed.All(char.IsAsciiDigit);
}

/// <summary>Binds a page number with <see cref="PageNumber.Read"/>: it always succeeds, so no page shows a model error for it.</summary>
public sealed class PageNumberBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        if (bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue is { Length: > 0 } typed)
            bindingContext.Result = ModelBindingResult.Success(PageNumber.Read(typed));
        return Task.CompletedTask;
    }
}

/// <summary>A list page's page number, bound on GET from ?pageNumber= by <see cref="PageNumberBinder"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BindPageNumberAttribute : BindPropertyAttribute
{
    public BindPageNumberAttribute()
    {
        SupportsGet = true;
        Name = PageNumber.Name;
        BinderType = typeof(PageNumberBinder);
    }
}

/// <summary>What the shared pager (_Pager) shows: where the list is, and the address of another of its pages.</summary>
public sealed record Pager(int Page, int PageCount, int TotalCount, Func<int, string> Link);
