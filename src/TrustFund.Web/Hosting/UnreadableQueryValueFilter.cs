using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// A date or number in a page's address that the page cannot read (/fund/grants?from=abc, /admin/audit?to=31-31-2026)
/// was dropped without a word, so the list showed everything while the person believed it filtered. On a GET, the
/// binder's refusal of such a value is replaced by a message saying what could not be read and how to type it, which
/// the page shows next to that filter (partial _FilterError) and in its error summary; the values it could read still
/// filter the list. Posted forms keep the binder's messages, which name their fields by label.
/// A list's page number never reaches this filter: <see cref="PageNumber"/> reads any value as a page, and the pager says so.
/// </summary>
public sealed class UnreadableQueryValueFilter(IStringLocalizer<SharedResource> text) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method)) return;
        foreach (var property in context.ActionDescriptor.BoundProperties)
        {
            if (context.ModelState[property.Name] is not { ValidationState: ModelValidationState.Invalid } entry) continue;
            if (Template(Nullable.GetUnderlyingType(property.ParameterType) ?? property.ParameterType) is not { } template) continue;
            entry.Errors.Clear();
            entry.Errors.Add(text[template, ModelBindingMessages.Cut(entry.AttemptedValue)]);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }

    private static string? Template(Type type) =>
        type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            ? "“{0}” could not be read as a date: use the calendar or type a date such as 2026-12-31."
            : type == typeof(int) || type == typeof(long) || type == typeof(decimal)
                ? "“{0}” could not be read as a number: type digits only, such as 25000."
                : null;
}
