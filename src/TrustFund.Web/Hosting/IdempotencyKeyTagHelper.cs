using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Puts a fresh idempotency key in every form that posts, next to the antiforgery token, so no page has to remember
/// to: the same form sent twice (a double click, a reconnect, the browser sending it again) carries the same key, and
/// IdempotentPostFilter answers the second with the first answer instead of doing it again. A form rendered again
/// (after a refusal, or after a success's redirect) gets a new key.
/// </summary>
[HtmlTargetElement("form")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public const string FieldName = "__IdempotencyKey";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.AllAttributes.TryGetAttribute("method", out var method) ||
            !string.Equals(method.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{Guid.NewGuid()}\" />");
    }
}
